using Berceau.Domain.Practices;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Seed;

/// <summary>
/// The library of good practices starts with the fiches of the national vade-mecum (data/vade_mecum_bonnes_pratiques.txt, its
/// text export; data/PROVENANCE.md), read by <see cref="VadeMecumReader"/> and published with their source and page. Skipped when
/// the file is absent or its fiches were imported already (idempotent; a fiche a moderator withdrew stays withdrawn).
/// </summary>
public static class PracticeSeeder
{
    public const string FileName = "vade_mecum_bonnes_pratiques.txt";

    /// <summary>The « author » of the imported fiches: no account wrote them.</summary>
    public const string Importer = "vade-mecum";

    public static async Task<int> SeedAsync(BerceauDbContext db, string dataFolder, DateTimeOffset now, CancellationToken ct = default)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path) || await db.GoodPractices.AnyAsync(p => p.SubmittedBy == Importer, ct)) return 0;
        var read = VadeMecumReader.Read(await File.ReadAllTextAsync(path, ct));
        db.GoodPractices.AddRange(read.Select(p => GoodPractice.Imported(p.Title, p.Theme, p.Format, p.Place, p.Sections, VadeMecumReader.SourceOf(p.Page), now, Importer)));
        await db.SaveChangesAsync(ct);
        return read.Count;
    }
}
