using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Web.Features.Observatory.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>
/// /observatoire/export?tableau=communes&amp;format=csv&amp;departement=93&amp;annee=2021: one indicator table of the
/// dashboard as a file (<see cref="IndicatorExport"/>), for the same selection as the page. A wrong parameter answers
/// 400 with a French page that names it.
/// </summary>
public sealed class ExportModel(BerceauDbContext db, CoverageQueries queries, IndicatorSnapshots snapshots) : PageModel
{
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? tableau, string? format, string? departement, string? ept, string? commune, string? annee, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var id = tableau?.Trim().ToLowerInvariant() ?? "";
        if (!DashboardTables.Ids.Contains(id) && !IndicatorReportTables.Handles(id))
            problems.Add(Problem.Of("obs-table-unknown", "tableau", tableau ?? "", string.Join(", ", DashboardTables.Ids.Concat(IndicatorReportTables.Ids))));
        ExportFormat? kind = format?.Trim().ToLowerInvariant() switch
        {
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => null,
        };
        if (kind is null)
            problems.Add(Problem.Of("obs-format-unknown", "format", format ?? ""));
        var selection = await DashboardSelections.ResolveAsync(new DashboardQuery(departement, ept, commune, annee), db, queries, ct);
        problems.AddRange(selection.Problems);
        if (problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var s = selection.Value;
        // The indicators' tables come from the same snapshot as the page (every row: the page shows the first ones of a long breakdown).
        var table = id == DashboardTables.Communes ? DashboardTables.Find(await s.WithPressureAsync(snapshots, null, ct), id)!
            : DashboardTables.Find(s, id) ?? IndicatorReportTables.Find((await snapshots.GetAsync(s.Code, s.Year, ct))!.Report, id)!;
        var suffix = $"{s.Code}-{s.Year}";
        return File(IndicatorExport.Write(table, kind!.Value), IndicatorExport.ContentType(kind.Value), IndicatorExport.FileName(table, suffix, kind.Value));
    }
}
