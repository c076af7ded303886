using System.Diagnostics;
using Berceau.Data.Seed;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Tests.Seed;

/// <summary>
/// The 93 and the 92 seeded once into a SQLite file and read back, shared by the read-only assertions of
/// <see cref="DemoTerritorySeederTests"/> because seeding takes a few seconds.
/// </summary>
public sealed class SeededTerritory : IDisposable
{
    private readonly TestDatabase database = new();

    public SeededTerritory()
    {
        using (var db = database.Open())
        {
            var watch = Stopwatch.StartNew();
            Report93 = DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["93"], TestData.Now).GetAwaiter().GetResult();
            Elapsed93 = watch.Elapsed;
            watch.Restart();
            Report92 = DemoTerritorySeeder.SeedAsync(db, TestData.DataFolder, ["92"], TestData.Now).GetAwaiter().GetResult();
            Elapsed92 = watch.Elapsed;
        }
        using var read = database.Open();
        Communes = read.Communes.AsNoTracking().ToList();
        Coverages = read.CnafCoverages.AsNoTracking().ToList();
        Births = read.CommuneBirths.AsNoTracking().ToList();
        Intercommunalities = read.Intercommunalities.AsNoTracking().ToList();
        Facilities = read.Facilities.AsNoTracking().Include(f => f.Sections).Include(f => f.Vacancies).AsSplitQuery().ToList();
    }

    public SeedReport Report93 { get; }
    public SeedReport Report92 { get; }
    public TimeSpan Elapsed93 { get; }
    public TimeSpan Elapsed92 { get; }
    public List<Commune> Communes { get; }
    public List<CnafCoverage> Coverages { get; }
    public List<CommuneBirths> Births { get; }
    public List<Intercommunality> Intercommunalities { get; }
    public List<Facility> Facilities { get; }

    public void Dispose() => database.Dispose();
}
