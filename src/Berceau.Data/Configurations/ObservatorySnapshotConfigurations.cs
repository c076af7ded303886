using Berceau.Data.Observatory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class IndicatorSnapshotConfiguration : IEntityTypeConfiguration<IndicatorSnapshot>
{
    public void Configure(EntityTypeBuilder<IndicatorSnapshot> b)
    {
        b.ToTable("IndicatorSnapshots");
        b.HasKey(s => new { s.TerritoryCode, s.Year });
        b.Property(s => s.TerritoryCode).HasMaxLength(IndicatorSnapshot.MaxTerritoryLength);
        b.Property(s => s.CodeVersion).HasMaxLength(IndicatorSnapshot.MaxCodeVersionLength);
    }
}

internal sealed class IndicatorDataVersionConfiguration : IEntityTypeConfiguration<IndicatorDataVersion>
{
    public void Configure(EntityTypeBuilder<IndicatorDataVersion> b)
    {
        // The table and column names are written as such in IndicatorDataChanges' statement.
        b.ToTable("IndicatorDataVersions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new IndicatorDataVersion { Id = IndicatorDataVersion.SingletonId, Version = 0 });
    }
}
