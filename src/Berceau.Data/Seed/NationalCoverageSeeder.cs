using Berceau.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Seed;

/// <summary>
/// The « France » reference of the observatory at first start: data/cnaf_taux_couverture_communes_france.csv summed
/// per year, through the same import as the CLI (<see cref="ObservatoryImport.CnafFranceAsync"/>). Skipped when the
/// reference is already there (an analyst may have imported a newer file) or when the file is not shipped.
/// </summary>
public static class NationalCoverageSeeder
{
    public static async Task<ObservatoryImportReport?> SeedAsync(BerceauDbContext db, string dataFolder, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, DataFiles.CnafFrance);
        if (!File.Exists(path) || await db.CnafNationalCoverages.AnyAsync(ct))
            return null;
        return await ObservatoryImport.CnafFranceAsync(db, CsvFile.Read(path), ct);
    }
}
