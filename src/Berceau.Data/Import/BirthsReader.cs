using Berceau.Domain.Territories;

namespace Berceau.Data.Import;

/// <summary>Births of one current commune; <see cref="Line"/> is the first source row, for error messages.</summary>
public sealed record CommuneBirthsRecord(int Line, CommuneBirths Births, int SourceRows);

/// <summary>
/// Reads data/naissances_communes_92_93.csv (INSEE comparateur de territoires, COG 2021): the 2020 domiciled births,
/// summed per current commune (93059 Pierrefitte + 93066 Saint-Denis → 93066).
/// </summary>
public static class BirthsReader
{
    public const int Year = 2020;

    public static IReadOnlyList<CommuneBirthsRecord> Read(string path)
    {
        var csv = CsvFile.Read(path);
        int sourceCode = csv.Column("code_insee_cog2021"), currentCode = csv.Column("code_insee_actuel"),
            births = csv.Column("naissances_domiciliees_2020");

        var groups = new Dictionary<string, List<(int Line, int? Births)>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in csv.Records)
        {
            var source = CommuneCsvReader.CommuneCode(r, sourceCode);
            if (!seen.TryAdd(source, r.Line))
                throw r.Error(sourceCode, $"la commune {source} figure déjà ligne {seen[source]}.");
            var current = CommuneCsvReader.CommuneCode(r, currentCode);
            var count = r.OptionalInt(births);
            if (count < 0)
                throw r.Error(births, "un nombre de naissances ne peut pas être négatif.");
            if (!groups.TryGetValue(current, out var rows))
                groups[current] = rows = [];
            rows.Add((r.Line, count));
        }

        return groups
            // A commune whose figure (or one of its merged parts) is not published gets no row rather than a partial sum
            // that would look like a real count.
            .Where(g => g.Value.All(x => x.Births is not null))
            .Select(g => new CommuneBirthsRecord(g.Value[0].Line,
                new CommuneBirths { Year = Year, CommuneCode = g.Key, Births = g.Value.Sum(x => x.Births!.Value) },
                g.Value.Count))
            .OrderBy(b => b.Births.CommuneCode, StringComparer.Ordinal)
            .ToList();
    }
}
