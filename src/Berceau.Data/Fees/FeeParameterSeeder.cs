using Berceau.Domain.Fees;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Fees;

/// <summary>Loads the default fee parameters (data/fee_parameters.csv) into an empty parameter table.</summary>
public static class FeeParameterSeeder
{
    public static async Task<int> SeedAsync(BerceauDbContext db, string dataFolder, CancellationToken ct = default)
    {
        if (await db.FeeParameters.AnyAsync(ct)) return 0;
        var path = Path.Combine(dataFolder, "fee_parameters.csv");
        using var reader = File.OpenText(path);
        var parsed = FeeParameterCsv.Parse(reader);
        if (!parsed.IsSuccess)
            throw new InvalidDataException($"{path} : " + string.Join(" ; ", parsed.Problems.Select(p => p.Message)));
        db.FeeParameters.AddRange(parsed.Value);
        await db.SaveChangesAsync(ct);
        return parsed.Value.Count;
    }
}
