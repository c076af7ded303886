using System.Globalization;
using System.Text.RegularExpressions;
using Berceau.Domain.Territories;

namespace Berceau.Data.Import;

/// <summary>Births of one current commune; <see cref="Line"/> is the first source row, for error messages.</summary>
public sealed record CommuneBirthsRecord(int Line, CommuneBirths Births, int SourceRows);

/// <summary>INSEE children under 3 of one current commune; <see cref="Line"/> is the first source row.</summary>
public sealed record ChildrenUnder3Record(int Line, CommuneChildrenUnder3 Children, int SourceRows);

/// <summary>What an INSEE file gives per current commune: births, and children under 3 when the file has them.</summary>
public sealed record InseeFile(IReadOnlyList<CommuneBirthsRecord> Births, IReadOnlyList<ChildrenUnder3Record> ChildrenUnder3);

/// <summary>
/// Reads an INSEE file in the format of data/naissances_communes_92_93.csv (comparateur de territoires, COG 2021):
/// one line per commune of the file's geography (code_insee_cog2021) with its current commune (code_insee_actuel), and
/// one column per year for each figure: naissances_domiciliees_AAAA (domiciled births) and, when INSEE population
/// estimates are provided, enfants_moins_3_ans_AAAA (children under 3). Figures are summed per current commune
/// (93059 Pierrefitte + 93066 Saint-Denis → 93066). Other columns (populations, area, note) are ignored.
/// </summary>
public static partial class BirthsReader
{
    public static IReadOnlyList<CommuneBirthsRecord> Read(string path) => ReadInsee(CsvFile.Read(path)).Births;

    public static InseeFile ReadInsee(CsvFile csv)
    {
        int sourceCode = csv.Column("code_insee_cog2021"), currentCode = csv.Column("code_insee_actuel");
        var birthColumns = YearColumns(csv, BirthsColumn());
        var childrenColumns = YearColumns(csv, ChildrenColumn());
        if (birthColumns.Count == 0 && childrenColumns.Count == 0)
            throw new ImportException(csv.FileName, 1, null,
                "aucune colonne de données : l’en-tête doit avoir au moins une colonne naissances_domiciliees_AAAA ou enfants_moins_3_ans_AAAA (AAAA = année).");

        var lines = new List<(int Line, string Current, Dictionary<int, int?> Births, Dictionary<int, decimal?> Children)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in csv.Records)
        {
            var source = CommuneCsvReader.CommuneCode(r, sourceCode);
            if (!seen.TryAdd(source, r.Line))
                throw r.Error(sourceCode, $"la commune {source} figure déjà ligne {seen[source]}.");
            var current = CommuneCsvReader.CommuneCode(r, currentCode);
            var births = birthColumns.ToDictionary(c => c.Year, c =>
            {
                var count = r.OptionalInt(c.Column);
                return count < 0 ? throw r.Error(c.Column, "un nombre de naissances ne peut pas être négatif.") : count;
            });
            var children = childrenColumns.ToDictionary(c => c.Year, c =>
            {
                var count = r.OptionalDecimal(c.Column);
                return count < 0 ? throw r.Error(c.Column, "un nombre d’enfants ne peut pas être négatif.") : count;
            });
            lines.Add((r.Line, current, births, children));
        }

        // A commune whose figure (or one of its merged parts' figure) is not published gets no row rather than a partial
        // sum that would look like a real count.
        var byCommune = lines.GroupBy(l => l.Current, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var birthRecords = (
            from g in byCommune
            from c in birthColumns
            where g.All(l => l.Births[c.Year] is not null)
            select new CommuneBirthsRecord(g.First().Line,
                new CommuneBirths { Year = c.Year, CommuneCode = g.Key, Births = g.Sum(l => l.Births[c.Year]!.Value) }, g.Count()))
            .ToList();
        var childrenRecords = (
            from g in byCommune
            from c in childrenColumns
            where g.All(l => l.Children[c.Year] is not null)
            select new ChildrenUnder3Record(g.First().Line,
                new CommuneChildrenUnder3 { Year = c.Year, CommuneCode = g.Key, Children = g.Sum(l => l.Children[c.Year]!.Value) }, g.Count()))
            .ToList();
        return new InseeFile(birthRecords, childrenRecords);
    }

    private static List<(int Year, int Column)> YearColumns(CsvFile csv, Regex pattern)
    {
        var columns = new List<(int, int)>();
        for (var i = 0; i < csv.Header.Count; i++)
        {
            if (pattern.Match(csv.Header[i]) is { Success: true } m)
            {
                var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (year is < 2000 or > 2100)
                    throw new ImportException(csv.FileName, 1, $"{i + 1} ({csv.Header[i]})", $"« {year} » n’est pas une année plausible.");
                if (columns.Any(c => c.Item1 == year))
                    throw new ImportException(csv.FileName, 1, $"{i + 1} ({csv.Header[i]})", $"l’année {year} a déjà une colonne.");
                columns.Add((year, i));
            }
        }
        return columns;
    }

    [GeneratedRegex("^naissances_domiciliees_([0-9]{4})$")]
    private static partial Regex BirthsColumn();

    [GeneratedRegex("^enfants_moins_3_ans_([0-9]{4})$")]
    private static partial Regex ChildrenColumn();
}
