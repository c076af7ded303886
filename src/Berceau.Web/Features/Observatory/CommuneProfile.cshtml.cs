using Berceau.Data;
using Berceau.Domain.Observatory;
using Berceau.Web.Features.Observatory.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Observatory;

/// <summary>
/// /observatoire/communes/{code}: a commune's coverage rate by mode over the years, beside its EPT, its département and
/// France (the communes the Cnaf publishes), its places by mode and year; public (anonymous statistics), printable, and
/// as PDF (<c>?handler=pdf</c>). A former commune (93059, merged into Saint-Denis) keeps its published years only.
/// </summary>
public sealed class CommuneProfileModel(BerceauDbContext db, CoverageQueries queries, CommuneProfilePdf pdf) : PageModel
{
    public sealed record YearRow(int Year, TerritoryCoverageResult Commune, TerritoryCoverageResult? Departement);

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? DepartementName { get; private set; }
    public List<YearRow> Rows { get; } = [];

    /// <summary>The indicator tables of a current commune (null for a former commune, shown with <see cref="Rows"/> only).</summary>
    public IReadOnlyList<(IndicatorTable Table, string ExportQuery)>? Tables { get; private set; }
    public DashboardSelection? Selection { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct) || Tables is null)
            return NotFound();
        return File(pdf.Build(Name, [.. Tables.Select(t => t.Table)]), "application/pdf", CommuneProfilePdf.FileName(Code));
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        code = code.Trim().ToUpperInvariant();
        if (code.Length != 5)
            return false;
        var selection = await DashboardSelections.ResolveAsync(new DashboardQuery(null, null, code, null), db, queries, ct);
        if (selection.IsSuccess)
        {
            var s = Selection = selection.Value;
            Code = code;
            Name = s.Name;
            DepartementName = s.Figures.Departement.Name;
            var compared = s with { Year = LatestPublishedYear(s) };
            Tables =
            [
                (DashboardTables.Find(s, DashboardTables.CoverageByYear)!, s.QueryString()),
                (DashboardTables.Find(compared, DashboardTables.Comparison)!, compared.QueryString()),
                (DashboardTables.Find(s, DashboardTables.PlacesByYear)!, s.QueryString()),
            ];
            return true;
        }

        // A former commune as the Cnaf published it: the years of its own rows.
        for (var year = 2017; year <= queries.CurrentYear; year++)
        {
            var (commune, miss) = await queries.ForAsync(TerritoryKind.Commune, code, year, ct);
            if (miss?.UnknownTerritory == true)
                return false;
            if (commune is null)
                continue;
            var (departement, _) = await queries.ForAsync(TerritoryKind.Departement, Data.Import.ObservatoryImport.DepartementOf(code), year, ct);
            Rows.Add(new YearRow(year, commune, departement));
            Name = commune.Territory.Name;
            DepartementName ??= departement?.Territory.Name;
        }
        Code = code;
        return Rows.Count > 0;
    }

    /// <summary>The year compared with EPT, département and France: the latest the Cnaf published for the commune (France has no current year).</summary>
    private static int LatestPublishedYear(DashboardSelection s) =>
        s.Figures.Years.Where(y => y < s.Figures.CurrentYear && s.Figures.Commune(s.Code, y) is not null).DefaultIfEmpty(s.Year).Max();

    public static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : "non disponible";
}
