using Berceau.Domain.Observatory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Observatory;

/// <summary>
/// /observatoire/communes/{code}: a commune's coverage rate by mode over the years, beside its département's; public
/// (anonymous statistics). A table, always: the data a chart would draw.
/// </summary>
public sealed class CommuneProfileModel(CoverageQueries queries) : PageModel
{
    public sealed record YearRow(int Year, TerritoryCoverageResult Commune, TerritoryCoverageResult? Departement);

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? DepartementName { get; private set; }
    public List<YearRow> Rows { get; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        code = code.Trim().ToUpperInvariant();
        if (code.Length != 5)
            return NotFound();
        // The first years the Cnaf file covers, up to the registry's current year.
        for (var year = 2017; year <= queries.CurrentYear; year++)
        {
            var (commune, miss) = await queries.ForAsync(TerritoryKind.Commune, code, year, ct);
            if (miss?.UnknownTerritory == true)
                return NotFound();
            if (commune is null)
                continue;
            var departementCode = code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2];
            var (departement, _) = await queries.ForAsync(TerritoryKind.Departement, departementCode, year, ct);
            Rows.Add(new YearRow(year, commune, departement));
            Name = commune.Territory.Name;
            DepartementName ??= departement?.Territory.Name;
        }
        if (Rows.Count == 0)
            return NotFound();
        Code = code;
        return Page();
    }

    public static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : "non disponible";
}
