using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class FacilityStaffingConfiguration : IEntityTypeConfiguration<FacilityStaffing>
{
    public void Configure(EntityTypeBuilder<FacilityStaffing> b)
    {
        b.ToTable("FacilityStaffings");
        b.HasKey(s => s.FacilityId);
        b.HasOne<Facility>().WithOne().HasForeignKey<FacilityStaffing>(s => s.FacilityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Rule).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.FilledCaringForChildren);
        b.Ignore(s => s.TotalVacant);
        // One row per profession: the observatory sums vacant positions per commune in SQL.
        b.OwnsMany(s => s.Positions, p =>
        {
            p.ToTable("StaffPositions");
            p.WithOwner().HasForeignKey("FacilityId");
            p.HasKey("FacilityId", nameof(StaffPosition.Profession));
            p.Property(x => x.Profession).HasConversion<string>().HasMaxLength(32);
            p.Ignore(x => x.Total);
        });
    }
}

internal sealed class PlaceFreezeConfiguration : IEntityTypeConfiguration<PlaceFreeze>
{
    public void Configure(EntityTypeBuilder<PlaceFreeze> b)
    {
        b.ToTable("PlaceFreezes");
        b.HasKey(f => f.Id);
        b.HasOne<Facility>().WithMany().HasForeignKey(f => f.FacilityId).OnDelete(DeleteBehavior.Cascade);
        // A section removed from the facility takes its freezes with it: their places no longer exist.
        b.HasOne<Section>().WithMany().HasForeignKey(f => f.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Reason).HasMaxLength(PlaceFreeze.MaxReasonLength);
        b.Property(f => f.RecordedBy).HasMaxLength(256);
        b.Property(f => f.EndedBy).HasMaxLength(256);
        // Open places on a day: the freezes of a facility (portal, commission) or of all facilities (observatory) by dates.
        b.HasIndex(f => new { f.FacilityId, f.From });
        b.HasIndex(f => new { f.From, f.To });
    }
}

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> b)
    {
        b.ToTable("JobPostings");
        b.HasKey(j => j.Id);
        b.HasOne<Commune>().WithMany().HasForeignKey(j => j.CommuneCode);
        b.HasOne<Facility>().WithMany().HasForeignKey(j => j.FacilityId).OnDelete(DeleteBehavior.SetNull);
        b.Property(j => j.CommuneCode).HasMaxLength(5);
        b.Property(j => j.Title).HasMaxLength(JobPosting.MaxTitleLength);
        b.Property(j => j.Employer).HasMaxLength(JobPosting.MaxEmployerLength);
        b.Property(j => j.Description).HasMaxLength(JobPosting.MaxDescriptionLength);
        b.Property(j => j.HowToApply).HasMaxLength(JobPosting.MaxHowToApplyLength);
        b.Property(j => j.Profession).HasConversion<string>().HasMaxLength(32);
        b.Property(j => j.Contract).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.PostedBy).HasMaxLength(256);
        b.Property(j => j.ClosedBy).HasMaxLength(256);
        b.Property(j => j.Version).IsConcurrencyToken();
        b.Ignore(j => j.IsClosed);
        // The public board and the feed: visible postings by expiry; the staff list by commune.
        b.HasIndex(j => new { j.ExpiresOn, j.ClosedAt });
        b.HasIndex(j => new { j.CommuneCode, j.PostedAt });
    }
}
