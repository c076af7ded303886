using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>
/// Changes a fiche (/pro/schema/fiches/{id}/modifier): the secretariat changes everything; a member of the pilot or of a co-pilot
/// organisation changes its content (not its axe, number or pilots); anyone else is refused (403).
/// </summary>
public sealed class EditSheetModel(SchemaAccess access, SchemaQueries queries, SchemaEditing editing) : PageModel, ISheetFormPage
{
    [BindProperty] public SheetInput Input { get; set; } = new();
    public ActionSheet Sheet { get; private set; } = null!;
    public Sdsf Schema { get; private set; } = null!;
    public bool IsSecretariat { get; private set; }
    public IReadOnlyList<SelectListItem> AxisItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.SheetAsync(id, tracked: false, ct);
        if (found is not { } f) return NotFound();
        var user = await access.UserAsync(ct);
        if (!user.CanEdit(f.Sheet, f.Schema.DepartementCode)) return Forbid();
        Input = SheetForm.From(f.Sheet);
        return await ShowAsync(f.Sheet, f.Schema, user.IsSecretariatOf(f.Schema.DepartementCode), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var found = await access.SheetAsync(id, tracked: true, ct);
        if (found is not { } f) return NotFound();
        var user = await access.UserAsync(ct);
        if (!user.CanEdit(f.Sheet, f.Schema.DepartementCode)) return Forbid();
        var secretariat = user.IsSecretariatOf(f.Schema.DepartementCode);
        ModelState.Clear();
        var saved = await editing.EditSheetAsync(f.Sheet, f.Schema, Input, secretariat, ct);
        if (saved.IsSuccess)
        {
            TempData[SheetModel.MessageKey] = "La fiche est enregistrée.";
            return Redirect(SchemaFeature.SheetPath(id));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        var fresh = await access.SheetAsync(id, tracked: false, ct);
        return fresh is { } r ? await ShowAsync(r.Sheet, r.Schema, secretariat, ct) : NotFound();
    }

    private async Task<IActionResult> ShowAsync(ActionSheet sheet, Sdsf schema, bool secretariat, CancellationToken ct)
    {
        (Sheet, Schema, IsSecretariat) = (sheet, schema, secretariat);
        (AxisItems, OrganisationItems, CommuneItems) = await SheetForm.ChoicesAsync(schema, queries, ct);
        SheetForm.Pad(Input);
        return Page();
    }
}
