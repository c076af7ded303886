using Berceau.Data;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema.Public;

/// <summary>A published fiche as the public reads it (/schema/{departement}/fiches/{id}); a draft is « page introuvable ».</summary>
public sealed class SheetModel(BerceauDbContext db, SchemaQueries queries) : PageModel
{
    public ActionSheet Sheet { get; private set; } = null!;
    public Sdsf Schema { get; private set; } = null!;
    public SchemaAxis? Axis { get; private set; }
    public string? Pilot { get; private set; }
    public IReadOnlyList<string> CoPilots { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Communes { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string departement, Guid id, CancellationToken ct)
    {
        var sheet = await db.ActionSheets.AsNoTracking().Include(s => s.CoPilots).Include(s => s.Indicators).Include(s => s.PlannedPlaces).Include(s => s.Updates).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == new ActionSheetId(id) && s.IsPublished, ct);
        if (sheet is null) return NotFound();
        var schema = await db.Schemas.AsNoTracking().Include(s => s.Axes).FirstOrDefaultAsync(s => s.Id == sheet.SchemaId && s.DepartementCode == departement, ct);
        if (schema is null) return NotFound();
        (Sheet, Schema) = (sheet, schema);
        Axis = schema.Axes.FirstOrDefault(a => a.Id == sheet.AxisId);
        var names = await db.PartnerOrganisations.AsNoTracking().Where(o => o.DepartementCode == departement).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Pilot = sheet.PilotId is { } p ? names.GetValueOrDefault(p) : null;
        CoPilots = [.. sheet.CoPilots.Select(c => names.GetValueOrDefault(c.OrganisationId)).OfType<string>().Order(StringComparer.CurrentCulture)];
        Communes = await queries.CommuneNamesAsync(departement, ct);
        return Page();
    }
}
