using System.Text.RegularExpressions;

namespace Berceau.Data.Import;

/// <summary>A row of data/communes_9x.csv (COG 2026 communes with their EPCI and EPT).</summary>
public sealed record CommuneRow(
    int Line,
    string Code,
    string Name,
    string DepartementCode,
    int Population,
    string? EpciCode,
    string? EpciName,
    string? EptCode,
    string? EptName,
    IReadOnlyList<string> PostalCodes);

/// <summary>Reads data/communes_93.csv, data/communes_92.csv (see data/README.md for the columns).</summary>
public static partial class CommuneCsvReader
{
    public static IReadOnlyList<CommuneRow> Read(string path)
    {
        var csv = CsvFile.Read(path);
        int code = csv.Column("code_insee"), name = csv.Column("nom"), departement = csv.Column("departement"),
            population = csv.Column("population"), epciCode = csv.Column("epci_code"), epciName = csv.Column("epci_nom"),
            eptCode = csv.Column("ept_code"), eptName = csv.Column("ept_nom"), postalCodes = csv.Column("codes_postaux");

        var rows = new List<CommuneRow>(csv.Records.Count);
        var lineByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in csv.Records)
        {
            var communeCode = CommuneCode(r, code);
            if (!lineByCode.TryAdd(communeCode, r.Line))
                throw r.Error(code, $"la commune {communeCode} figure déjà ligne {lineByCode[communeCode]}.");
            var departementCode = r.RequiredText(departement);
            if (!communeCode.StartsWith(departementCode, StringComparison.Ordinal))
                throw r.Error(departement, $"le département « {departementCode} » ne correspond pas au code commune {communeCode}.");
            var inhabitants = r.Int(population);
            if (inhabitants < 0)
                throw r.Error(population, "la population ne peut pas être négative.");
            var postal = r.Text(postalCodes).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (postal.Length == 0)
                throw r.Error(postalCodes, "au moins un code postal est attendu.");
            if (postal.FirstOrDefault(p => !PostalCodePattern().IsMatch(p)) is { } badPostal)
                throw r.Error(postalCodes, $"« {badPostal} » n’est pas un code postal à 5 chiffres.");

            rows.Add(new CommuneRow(r.Line, communeCode, r.RequiredText(name), departementCode, inhabitants,
                r.OptionalText(epciCode), r.OptionalText(epciName), r.OptionalText(eptCode), r.OptionalText(eptName), postal));
        }
        return rows;
    }

    /// <summary>A COG commune code: 5 characters, Corsica using 2A/2B.</summary>
    internal static string CommuneCode(CsvRecord record, int column)
    {
        var text = record.RequiredText(column);
        return CommuneCodePattern().IsMatch(text)
            ? text
            : throw record.Error(column, $"« {text} » n’est pas un code commune INSEE (5 caractères, par exemple 93066).");
    }

    [GeneratedRegex("^[0-9][0-9AB][0-9]{3}$")]
    internal static partial Regex CommuneCodePattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCodePattern();
}
