using Berceau.Data.Import;
using Berceau.Data.Seed;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>The « France » reference: the national Cnaf file summed per year at seed, idempotent, refused when partial.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class NationalCoverageImportTests(BerceauApp app)
{
    [Fact]
    public async Task TheNationalFile_ImportedAgainOverTheSeed_ChangesNothing()
    {
        var path = Path.Combine(DataFiles.DefaultFolder, DataFiles.CnafFrance);

        var report = await app.WithDbAsync(db => ObservatoryImport.CnafFranceAsync(db, CsvFile.Read(path)));

        Assert.True(report.ChangedNothing, report.ToString());
        Assert.Equal(6, report.Unchanged);   // 2017–2022
    }

    [Fact]
    public async Task TheFileOfTwoDepartements_IsRefused_AndChangesNothing()
    {
        var before = await app.WithDbAsync(db => db.CnafNationalCoverages.AsNoTracking().OrderBy(n => n.Year).ToListAsync());
        var path = Path.Combine(DataFiles.DefaultFolder, DataFiles.CnafCoverage);

        var error = await Assert.ThrowsAsync<ImportException>(() => app.WithDbAsync(db => ObservatoryImport.CnafFranceAsync(db, CsvFile.Read(path))));

        Assert.Contains("ce fichier ne couvre que 2 département(s)", error.Message);
        var after = await app.WithDbAsync(db => db.CnafNationalCoverages.AsNoTracking().OrderBy(n => n.Year).ToListAsync());
        Assert.Equal(before.Select(n => (n.Year, n.PlacesTotal, n.ChildrenUnder3)), after.Select(n => (n.Year, n.PlacesTotal, n.ChildrenUnder3)));
    }
}
