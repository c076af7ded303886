using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.ManagerName).HasMaxLength(200);
        b.Property(f => f.CommuneCode).HasMaxLength(5);
        b.Property(f => f.Street).HasMaxLength(200);
        b.Property(f => f.PostalCode).HasMaxLength(5);
        b.Property(f => f.Languages).HasMaxLength(200);
        b.Property(f => f.Phone).HasMaxLength(30);
        b.Property(f => f.Email).HasMaxLength(200);
        b.Property(f => f.Website).HasMaxLength(300);
        b.Property(f => f.Description).HasMaxLength(2000);
        b.Property(f => f.ClosureReason).HasMaxLength(500);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.Capacity);
        b.OwnsOne(f => f.Agrement, a =>
        {
            a.Property(x => x.Number).HasMaxLength(50);
        });
        b.HasMany(f => f.Sections).WithOne().HasForeignKey("FacilityId").OnDelete(DeleteBehavior.Cascade);
        b.HasMany(f => f.Vacancies).WithOne().HasForeignKey("FacilityId").OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Commune>().WithMany().HasForeignKey(f => f.CommuneCode);
        // Deleting a sector leaves its facilities without sector, never deletes them.
        b.HasOne<Sector>().WithMany().HasForeignKey(f => f.SectorId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(f => new { f.CommuneCode, f.Mode });
        b.HasIndex(f => f.Mode);
        b.HasIndex(f => f.Name);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(100);
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.DeclaredBy).HasMaxLength(200);
        b.HasOne<Section>().WithMany().HasForeignKey(v => v.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex("FacilityId", nameof(Vacancy.DeclaredAt));
    }
}
