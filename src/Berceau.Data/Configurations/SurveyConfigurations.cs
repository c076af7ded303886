using Berceau.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("Surveys");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.DepartementCode).HasMaxLength(3);
        b.Property(s => s.CommuneCode).HasMaxLength(5);
        b.Property(s => s.Audience).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Title).HasMaxLength(Survey.MaxTitleLength);
        b.Property(s => s.Introduction).HasMaxLength(Survey.MaxIntroductionLength);
        b.Property(s => s.CreatedBy).HasMaxLength(450);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.TerritoryCode);
        b.Ignore(s => s.OrderedQuestions);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.DepartementCode, s.CommuneCode });
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.ToTable("SurveyQuestions");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(q => q.Text).HasMaxLength(SurveyQuestion.MaxQuestionLength);
        b.Ignore(q => q.Choices);
        b.Ignore(q => q.IsScale);
        // The options, one per line (an option is typed on one line): read with the question, never queried on their own.
        b.Property(q => q.Options).HasConversion(
            options => string.Join('\n', options),
            text => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(),
            new ValueComparer<List<string>>((x, y) => x!.SequenceEqual(y!), o => o.Aggregate(0, (h, s) => HashCode.Combine(h, s)), o => o.ToList()))
            .HasMaxLength((SurveyQuestion.MaxOptionLength + 1) * SurveyQuestion.MaxOptions);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Email).HasMaxLength(SurveyInvitation.MaxEmailLength);
        b.Property(i => i.InvitedBy).HasMaxLength(450);
        // Two answers sent at once from the same link: the second save finds the flag already set and fails.
        b.Property(i => i.Answered).IsConcurrencyToken();
        b.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // One invitation per address and survey: inviting again sends nothing more.
        b.HasIndex(i => new { i.SurveyId, i.Email }).IsUnique();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.HasKey(a => a.Id);
        b.Property(a => a.Text).HasMaxLength(SurveyQuestion.MaxTextLength);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.QuestionId);
    }
}
