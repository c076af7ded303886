using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class FollowUpCaseConfiguration : IEntityTypeConfiguration<FollowUpCase>
{
    public void Configure(EntityTypeBuilder<FollowUpCase> b)
    {
        b.ToTable("FollowUpCases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasConversion(id => id.Value, value => new FollowUpCaseId(value));
        // The case goes with its application when the retention purge deletes it.
        b.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CommissionSession>().WithMany().HasForeignKey(c => c.SessionId);
        // One open case per application, even when a validation is replayed or two agents act at once (same SQL for both providers).
        b.HasIndex(c => c.ApplicationId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_FollowUpCases_OneOpen");
        // The guichet's worklist: the open cases of a guichet's communes, oldest first.
        b.HasIndex(c => new { c.CommuneCode, c.Status, c.OpenedAt });
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        b.Property(c => c.Origin).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.NextStep).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.OpenedBy).HasMaxLength(450);
        b.Property(c => c.ClosedBy).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> b)
    {
        b.ToTable("FollowUpActions");
        b.HasKey(a => a.Id);
        // The domain sets the id: a line added to a loaded case is new, never an update of an existing row.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.CaseId).HasConversion(id => id.Value, value => new FollowUpCaseId(value));
        b.HasIndex(a => a.CaseId);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.By).HasMaxLength(450);
        b.Property(a => a.Note).HasMaxLength(FollowUpCase.MaxNoteLength);
    }
}

internal sealed class SentLetterConfiguration : IEntityTypeConfiguration<SentLetter>
{
    public void Configure(EntityTypeBuilder<SentLetter> b)
    {
        b.ToTable("FollowUpSentLetters");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.CaseId).HasConversion(id => id.Value, value => new FollowUpCaseId(value));
        // The copy goes with its case (and the case with its application when the retention purge deletes it).
        b.HasOne<FollowUpCase>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.CaseId, l.SentAt });
        b.Property(l => l.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.SentBy).HasMaxLength(450);
        b.Property(l => l.To).HasMaxLength(256);
        b.Property(l => l.Sections).HasMaxLength(1000);
    }
}
