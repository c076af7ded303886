using Berceau.Domain.Obligations;
using Berceau.Web.Features.Observatory.Dashboard;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Obligations.Staff;

/// <summary>A département's figures: per obligation, how many of the communes it applies to are at each status.</summary>
public sealed record ObligationCount(CommuneObligationKind Kind, int Applicable, IReadOnlyDictionary<ObligationStatus, int> ByStatus);

public sealed record DepartementView(string Code, IReadOnlyList<CommuneCompliance> Communes, IReadOnlyList<ObligationCount> Counts)
{
    public int Compliant => Communes.Count(c => c.IsCompliant);
}

/// <summary>
/// /pro/obligations: the communes the person's territory covers, with each obligation's status. For a département granted, its
/// figures (who is compliant, per obligation how many communes are where) and the table in CSV and XLSX; « non conformes » filters.
/// </summary>
public sealed class IndexModel(ObligationAccess access, ObligationQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "filtre")] public string? Filter { get; set; }

    public IReadOnlyList<DepartementView> Departements { get; private set; } = [];
    /// <summary>Communes granted one by one, outside the départements above.</summary>
    public IReadOnlyList<CommuneCompliance> Communes { get; private set; } = [];
    public bool OnlyNonCompliant => Filter == "non-conformes";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var communes = await queries.CommunesAsync(scope.Departements, scope.Communes, ct);
        if (communes.Count == 0) return Forbid();
        var all = await queries.ComplianceAsync(communes, ct);
        var departementOf = communes.ToDictionary(c => c.Code, c => c.DepartementCode);
        Departements = [.. scope.Departements.Order(StringComparer.Ordinal)
            .Select(d => View(d, [.. all.Where(c => departementOf[c.CommuneCode] == d)]))
            .Where(d => d.Communes.Count > 0)];
        Communes = [.. all.Where(c => !scope.Departements.Contains(departementOf[c.CommuneCode]))];
        return Page();
    }

    /// <summary>The département's table in CSV or XLSX, cell for cell as on the page (all communes, whatever the filter).</summary>
    public async Task<IActionResult> OnGetExportAsync([FromQuery] string? departement, [FromQuery] string? format, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        if (departement is null || !scope.Departements.Contains(departement)) return NotFound();
        var exportFormat = format == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        var communes = await queries.CommunesAsync(new HashSet<string> { departement }, new HashSet<string>(), ct);
        var table = ComplianceTable.Of(departement, await queries.ComplianceAsync(communes, ct));
        return File(IndicatorExport.Write(table, exportFormat), IndicatorExport.ContentType(exportFormat),
            IndicatorExport.FileName(table, access.Today.ToString("yyyy-MM-dd"), exportFormat));
    }

    public IEnumerable<CommuneCompliance> Shown(IEnumerable<CommuneCompliance> communes) => OnlyNonCompliant ? communes.Where(c => !c.IsCompliant) : communes;

    private static DepartementView View(string code, IReadOnlyList<CommuneCompliance> communes) => new(code, communes,
        [.. CommuneObligations.All.Select(kind =>
        {
            var states = communes.Select(c => c[kind]).Where(s => s.Applies).ToList();
            return new ObligationCount(kind, states.Count, Enum.GetValues<ObligationStatus>().ToDictionary(s => s, s => states.Count(x => x.Status == s)));
        })]);
}
