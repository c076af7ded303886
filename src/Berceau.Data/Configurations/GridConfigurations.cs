using Berceau.Data.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class StoredGridConfiguration : IEntityTypeConfiguration<StoredGrid>
{
    public void Configure(EntityTypeBuilder<StoredGrid> b)
    {
        b.ToTable("PointsGrids");
        b.HasKey(g => g.Id);
        b.Property(g => g.CommuneCode).HasMaxLength(5);
        b.Property(g => g.CreatedBy).HasMaxLength(450);
        // Two agents publishing a version at the same time: the second gets the unique index and is told to reload.
        b.HasIndex(g => new { g.CommuneCode, g.Version }).IsUnique();
        b.HasOne<Berceau.Domain.Territories.Commune>().WithMany().HasForeignKey(g => g.CommuneCode);
    }
}
