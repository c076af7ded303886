using Berceau.Domain.Territories;

namespace Berceau.Data.Import;

/// <summary>
/// Cnaf figures of one current commune for one year. <see cref="SourceRows"/> is above 1 when communes that have merged
/// since (93059 Pierrefitte into 93066 Saint-Denis) were summed; <see cref="Line"/> is the first source row.
/// </summary>
public sealed record CnafCoverageRecord(int Line, CnafCoverage Coverage, int SourceRows);

/// <summary>
/// Reads data/cnaf_taux_couverture_communes_*.csv (Cnaf open data txcouv_pe_com + nbpla_pe_com) into current communes.
/// </summary>
public static class CnafCoverageReader
{
    public static IReadOnlyList<CnafCoverageRecord> Read(string path)
    {
        var csv = CsvFile.Read(path);
        int year = csv.Column("annee"), sourceCode = csv.Column("code_commune"), currentCode = csv.Column("code_commune_actuel"),
            psu = csv.Column("places_eaje_psu"), nonPsu = csv.Column("places_eaje_hors_psu"),
            preschool = csv.Column("places_prescolarisation"), childminders = csv.Column("places_assistantes_maternelles"),
            homeCare = csv.Column("places_salarie_domicile"), total = csv.Column("places_total"), globalRate = csv.Column("taux_global");

        var groups = new Dictionary<(string Code, int Year), List<(CsvRecord Record, int[] Places, decimal? Rate)>>();
        var seen = new Dictionary<(string, int), int>();
        foreach (var r in csv.Records)
        {
            var y = r.Int(year);
            if (y is < 2000 or > 2100)
                throw r.Error(year, $"« {y} » n’est pas une année plausible.");
            var source = CommuneCsvReader.CommuneCode(r, sourceCode);
            if (!seen.TryAdd((source, y), r.Line))
                throw r.Error(sourceCode, $"la commune {source} a déjà une ligne pour {y} (ligne {seen[(source, y)]}).");
            var current = CommuneCsvReader.CommuneCode(r, currentCode);
            var places = new[] { psu, nonPsu, preschool, childminders, homeCare, total }.Select(c => Places(r, c)).ToArray();
            var rate = r.OptionalDecimal(globalRate);

            if (!groups.TryGetValue((current, y), out var rows))
                groups[(current, y)] = rows = [];
            rows.Add((r, places, rate));
        }

        return groups
            .Select(g =>
            {
                var rows = g.Value;
                int Sum(int i) => rows.Sum(x => x.Places[i]);
                return new CnafCoverageRecord(rows[0].Record.Line, new CnafCoverage
                {
                    Year = g.Key.Year,
                    CommuneCode = g.Key.Code,
                    PlacesEajePsu = Sum(0),
                    PlacesEajeNonPsu = Sum(1),
                    PlacesPreschool = Sum(2),
                    PlacesChildminders = Sum(3),
                    PlacesHomeCare = Sum(4),
                    PlacesTotal = Sum(5),
                    // The rate of merged communes cannot be derived from the rows: the Cnaf does not publish the
                    // denominator (children under 3), and the rounded rates only give it approximately.
                    GlobalRate = rows.Count == 1 ? rows[0].Rate : null,
                }, rows.Count);
            })
            .OrderBy(c => c.Coverage.CommuneCode, StringComparer.Ordinal)
            .ThenBy(c => c.Coverage.Year)
            .ToList();
    }

    /// <summary>
    /// Places: an empty field means "not published", counted as 0 like the Cnaf does in its totals; a negative one is an error.
    /// </summary>
    private static int Places(CsvRecord record, int column)
    {
        var value = record.OptionalInt(column) ?? 0;
        return value >= 0 ? value : throw record.Error(column, "un nombre de places ne peut pas être négatif.");
    }
}
