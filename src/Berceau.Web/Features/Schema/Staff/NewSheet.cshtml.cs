using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>A new fiche action (/pro/schema/{id}/fiches/nouvelle), a draft until published: the secretariat only.</summary>
public sealed class NewSheetModel(SchemaAccess access, SchemaQueries queries, SchemaEditing editing) : PageModel, ISheetFormPage
{
    [BindProperty] public SheetInput Input { get; set; } = new();
    public Sdsf Schema { get; private set; } = null!;
    public bool IsSecretariat => true;
    public IReadOnlyList<SelectListItem> AxisItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "axe")] Guid? axis, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: false, ct);
        if (schema is null) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(schema.DepartementCode)) return Forbid();
        Input.AxisId = axis?.ToString();
        return await ShowAsync(schema, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: false, ct);
        if (schema is null) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(schema.DepartementCode)) return Forbid();
        ModelState.Clear();
        var created = await editing.CreateSheetAsync(schema, Input, ct);
        if (created.IsSuccess) return Redirect(SchemaFeature.SheetPath(created.Value.Value));
        ModelState.AddProblems(created.Problems, nameof(Input));
        return await ShowAsync(schema, ct);
    }

    private async Task<IActionResult> ShowAsync(Sdsf schema, CancellationToken ct)
    {
        Schema = schema;
        (AxisItems, OrganisationItems, CommuneItems) = await SheetForm.ChoicesAsync(schema, queries, ct);
        SheetForm.Pad(Input);
        return Page();
    }
}
