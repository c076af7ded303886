using Berceau.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class GoodPracticeConfiguration : IEntityTypeConfiguration<GoodPractice>
{
    public void Configure(EntityTypeBuilder<GoodPractice> b)
    {
        b.ToTable("GoodPractices");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Title).HasMaxLength(GoodPractice.MaxTitleLength);
        b.Property(p => p.Place).HasMaxLength(GoodPractice.MaxPlaceLength * 2);
        b.Property(p => p.Theme).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Format).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Source).HasMaxLength(600);
        b.Property(p => p.DepartementCode).HasMaxLength(3);
        b.Property(p => p.SubmittedBy).HasMaxLength(450);
        b.Property(p => p.ModeratedBy).HasMaxLength(450);
        b.Property(p => p.Reason).HasMaxLength(GoodPractice.MaxReasonLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Sections);
        // The public library lists the published fiches by theme; the moderators read the submissions of their département.
        b.HasIndex(p => new { p.Status, p.Theme });
        b.HasIndex(p => new { p.DepartementCode, p.Status });
    }
}
