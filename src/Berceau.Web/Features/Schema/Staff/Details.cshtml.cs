using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>
/// A schéma's tracking table (/pro/schema/{id}), like the CDSF's « suivi des actions » tables: one line per fiche with its pilots,
/// state and latest update, filtered by axe, pilot (or co-pilot) and state. Unknown filter values are ignored, not errors.
/// </summary>
public sealed class DetailsModel(SchemaAccess access, SchemaQueries queries) : PageModel
{
    public Sdsf Schema { get; private set; } = null!;
    public string DepartementName { get; private set; } = "";
    public IReadOnlyList<SheetRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool IsSecretariat { get; private set; }
    public IReadOnlySet<Guid> Editable { get; private set; } = new HashSet<Guid>();

    [FromQuery(Name = "axe")] public string? Axe { get; set; }
    [FromQuery(Name = "pilote")] public string? Pilote { get; set; }
    [FromQuery(Name = "etat")] public string? Etat { get; set; }

    public IReadOnlyList<SelectListItem> AxisItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PilotItems { get; private set; } = [];
    public static IReadOnlyList<SelectListItem> StateItems => SchemaDisplay.StateItems;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: false, ct);
        if (schema is null) return NotFound();
        var user = await access.UserAsync(ct);
        Schema = schema;
        IsSecretariat = user.IsSecretariatOf(schema.DepartementCode);
        DepartementName = (await queries.DepartementNamesAsync([schema.DepartementCode], ct)).GetValueOrDefault(schema.DepartementCode, schema.DepartementCode);
        var organisations = await queries.OrganisationsAsync(schema.DepartementCode, ct);
        AxisItems = [.. schema.Axes.OrderBy(a => a.Number).Select(a => new SelectListItem($"Axe {a.Number}", a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        PilotItems = [.. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString()))];

        var filter = new SheetFilter(
            int.TryParse(Axe, out var axis) ? axis : null,
            Guid.TryParse(Pilote, out var pilot) ? pilot : null,
            Enum.TryParse<ProgressState>(Etat, out var state) && Enum.IsDefined(state) ? state : null);
        var sheets = await queries.SheetsAsync(schema, publishedOnly: false, ct);
        Total = sheets.Count;
        Rows = [.. sheets.Where(x => filter.Keeps(x.Row, x.Sheet)).Select(x => x.Row)];
        Editable = sheets.Where(x => user.CanEdit(x.Sheet, schema.DepartementCode)).Select(x => x.Row.Id).ToHashSet();
        return Page();
    }
}
