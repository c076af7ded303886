using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Berceau.Data.Configurations;

internal sealed class DepartementConfiguration : IEntityTypeConfiguration<Departement>
{
    public void Configure(EntityTypeBuilder<Departement> b)
    {
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(3);
        b.Property(d => d.Name).HasMaxLength(100);
    }
}

internal sealed class IntercommunalityConfiguration : IEntityTypeConfiguration<Intercommunality>
{
    public void Configure(EntityTypeBuilder<Intercommunality> b)
    {
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(9);
        b.Property(i => i.Name).HasMaxLength(200);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(5);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.DepartementCode).HasMaxLength(3);
        b.Property(c => c.EpciCode).HasMaxLength(9);
        b.Property(c => c.EptCode).HasMaxLength(9);
        b.Property(c => c.PostalCodes).HasMaxLength(100);
        b.Ignore(c => c.PostalCodeList);
        b.HasOne<Departement>().WithMany().HasForeignKey(c => c.DepartementCode);
        b.HasIndex(c => c.DepartementCode);
        b.HasIndex(c => c.Name);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.CommuneCode).HasMaxLength(5);
        b.Property(s => s.Name).HasMaxLength(Sector.MaxNameLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneCode);
        // The last guard of "one name per commune" when two people create the same sector at once.
        b.HasIndex(s => new { s.CommuneCode, s.Name }).IsUnique();
    }
}

internal sealed class CnafCoverageConfiguration : IEntityTypeConfiguration<CnafCoverage>
{
    public void Configure(EntityTypeBuilder<CnafCoverage> b)
    {
        // One row per commune *as published* and year: 93059 Pierrefitte keeps its rows after its merger into 93066.
        b.HasKey(c => new { c.SourceCommuneCode, c.Year });
        b.Property(c => c.SourceCommuneCode).HasMaxLength(5);
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        b.HasIndex(c => new { c.CommuneCode, c.Year });
        foreach (var rate in new[] { "RateEajePsu", "RateEajeNonPsu", "RateEaje", "RatePreschool", "RateChildminders", "RateHomeCare", "RateIndividual", "GlobalRate" })
            b.Property<decimal?>(rate).HasPrecision(6, 1);
        // Whole numbers for every row of the 92/93; one decimal for a few rows elsewhere in France (CnafDenominator).
        b.Property(c => c.ChildrenUnder3).HasPrecision(12, 4);
        b.Ignore(c => c.Places);
        b.Ignore(c => c.Rates);
    }
}

internal sealed class CommuneBirthsConfiguration : IEntityTypeConfiguration<CommuneBirths>
{
    public void Configure(EntityTypeBuilder<CommuneBirths> b)
    {
        b.HasKey(c => new { c.CommuneCode, c.Year });
        b.Property(c => c.CommuneCode).HasMaxLength(5);
    }
}

internal sealed class CommuneChildrenUnder3Configuration : IEntityTypeConfiguration<CommuneChildrenUnder3>
{
    public void Configure(EntityTypeBuilder<CommuneChildrenUnder3> b)
    {
        b.HasKey(c => new { c.CommuneCode, c.Year });
        b.Property(c => c.CommuneCode).HasMaxLength(5);
        // INSEE estimates are not whole numbers (census sample weights).
        b.Property(c => c.Children).HasPrecision(12, 4);
    }
}

internal sealed class CnafNationalCoverageConfiguration : IEntityTypeConfiguration<CnafNationalCoverage>
{
    public void Configure(EntityTypeBuilder<CnafNationalCoverage> b)
    {
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
        b.Property(c => c.ChildrenUnder3).HasPrecision(14, 4);
        b.Ignore(c => c.Places);
    }
}
