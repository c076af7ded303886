using System.Globalization;
using Berceau.Domain.Observatory;

namespace Berceau.Domain.Tests.Observatory;

/// <summary>One row of data/cnaf_taux_couverture_communes_*.csv, as published: places (with the Cnaf's total) and rates.</summary>
public sealed record CnafRow(int Year, string Commune, string Name, string CurrentCommune, CoveragePlaces Places, CoverageRates Rates)
{
    public override string ToString() => $"{Commune} {Name} {Year}";
}

/// <summary>Reads the Cnaf files of data/ without the importers (the domain tests reference nothing but the domain).</summary>
public static class CnafFile
{
    public const string Communes9293 = "cnaf_taux_couverture_communes_92_93.csv";
    public const string France = "cnaf_taux_couverture_communes_france.csv";

    public static IReadOnlyList<CnafRow> Read(string fileName)
    {
        var lines = File.ReadAllLines(DataPath(fileName)).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]).Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        return lines.Skip(1).Select(line =>
        {
            var f = Split(line);
            string Text(string column) => f[header[column]];
            decimal Places(string column) => Text(column) is { Length: > 0 } t ? decimal.Parse(t, CultureInfo.InvariantCulture) : 0;
            decimal? Rate(string column) => Text(column) is { Length: > 0 } t ? decimal.Parse(t, CultureInfo.InvariantCulture) : null;
            return new CnafRow(
                int.Parse(Text("annee"), CultureInfo.InvariantCulture), Text("code_commune"), Text("nom_commune"), Text("code_commune_actuel"),
                new CoveragePlaces(Places("places_eaje_psu"), Places("places_eaje_hors_psu"), Places("places_prescolarisation"),
                    Places("places_assistantes_maternelles"), Places("places_salarie_domicile"), Places("places_total")),
                new CoverageRates(Rate("taux_eaje_psu"), Rate("taux_eaje_hors_psu"), Rate("taux_eaje_ensemble"), Rate("taux_prescolarisation"),
                    Rate("taux_assistantes_maternelles"), Rate("taux_salarie_domicile"), Rate("taux_accueil_individuel_ensemble"),
                    Rate("taux_global")));
        }).ToList();
    }

    /// <summary>Fields of one line; the France file quotes names that hold a comma ("AUDE, …"), never a line break.</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }

    public static string DataPath(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Berceau.slnx")))
                return Path.Combine(dir.FullName, "data", fileName);
        }
        throw new InvalidOperationException("Berceau.slnx not found above " + AppContext.BaseDirectory);
    }
}
