using Berceau.Domain.Observatory;
using Berceau.Domain.Territories;

namespace Berceau.Data.Import;

/// <summary>One row of the Cnaf file and the line it was read from, for error messages.</summary>
public sealed record CnafCoverageRecord(int Line, CnafCoverage Coverage);

/// <summary>
/// Reads data/cnaf_taux_couverture_communes_*.csv (Cnaf open data txcouv_pe_com + nbpla_pe_com), one record per published
/// row. Rows keep their published commune code (93059 Pierrefitte) beside the current one (code_commune_actuel, 93066):
/// their rates are published for the commune of that year, and a merged commune adds its former communes' rows up.
/// Each row gets the children under 3 that give back its published rates (<see cref="CnafDenominator"/>).
/// </summary>
public static class CnafCoverageReader
{
    public static IReadOnlyList<CnafCoverageRecord> Read(string path) => Read(CsvFile.Read(path));

    public static IReadOnlyList<CnafCoverageRecord> Read(CsvFile csv)
    {
        int year = csv.Column("annee"), sourceCode = csv.Column("code_commune"), currentCode = csv.Column("code_commune_actuel"),
            psu = csv.Column("places_eaje_psu"), nonPsu = csv.Column("places_eaje_hors_psu"),
            preschool = csv.Column("places_prescolarisation"), childminders = csv.Column("places_assistantes_maternelles"),
            homeCare = csv.Column("places_salarie_domicile"), total = csv.Column("places_total"),
            ratePsu = csv.Column("taux_eaje_psu"), rateNonPsu = csv.Column("taux_eaje_hors_psu"), rateEaje = csv.Column("taux_eaje_ensemble"),
            ratePreschool = csv.Column("taux_prescolarisation"), rateChildminders = csv.Column("taux_assistantes_maternelles"),
            rateHomeCare = csv.Column("taux_salarie_domicile"), rateIndividual = csv.Column("taux_accueil_individuel_ensemble"),
            globalRate = csv.Column("taux_global");

        var seen = new Dictionary<(string, int), int>();
        var records = new List<CnafCoverageRecord>();
        foreach (var r in csv.Records)
        {
            var y = r.Int(year);
            if (y is < 2000 or > 2100)
                throw r.Error(year, $"« {y} » n’est pas une année plausible.");
            var source = CommuneCsvReader.CommuneCode(r, sourceCode);
            if (!seen.TryAdd((source, y), r.Line))
                throw r.Error(sourceCode, $"la commune {source} a déjà une ligne pour {y} (ligne {seen[(source, y)]}).");
            var coverage = new CnafCoverage
            {
                Year = y,
                SourceCommuneCode = source,
                CommuneCode = CommuneCsvReader.CommuneCode(r, currentCode),
                PlacesEajePsu = Places(r, psu),
                PlacesEajeNonPsu = Places(r, nonPsu),
                PlacesPreschool = Places(r, preschool),
                PlacesChildminders = Places(r, childminders),
                PlacesHomeCare = Places(r, homeCare),
                PlacesTotal = Places(r, total),
                RateEajePsu = Rate(r, ratePsu),
                RateEajeNonPsu = Rate(r, rateNonPsu),
                RateEaje = Rate(r, rateEaje),
                RatePreschool = Rate(r, ratePreschool),
                RateChildminders = Rate(r, rateChildminders),
                RateHomeCare = Rate(r, rateHomeCare),
                RateIndividual = Rate(r, rateIndividual),
                GlobalRate = Rate(r, globalRate),
            };
            coverage.ChildrenUnder3 = CnafDenominator.Derive(coverage.Places, coverage.Rates);
            records.Add(new CnafCoverageRecord(r.Line, coverage));
        }
        return records
            .OrderBy(c => c.Coverage.CommuneCode, StringComparer.Ordinal)
            .ThenBy(c => c.Coverage.Year)
            .ThenBy(c => c.Coverage.SourceCommuneCode, StringComparer.Ordinal)
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

    /// <summary>A rate in places per 100 children, published to one decimal; it can exceed 100, never be negative.</summary>
    private static decimal? Rate(CsvRecord record, int column)
    {
        var value = record.OptionalDecimal(column);
        if (value < 0)
            throw record.Error(column, "un taux de couverture ne peut pas être négatif.");
        if (value > 1000)
            throw record.Error(column, $"« {value} » n’est pas un taux plausible (places pour 100 enfants de moins de 3 ans).");
        if (value is { } v && decimal.Round(v, 1) != v)
            throw record.Error(column, $"« {v} » : la Cnaf publie les taux avec une décimale au plus.");
        return value;
    }
}
