using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>A new schéma (/pro/schema/nouveau), by the secretariat of one of its départements.</summary>
public sealed class NewModel(SchemaAccess access, SchemaQueries queries, SchemaEditing editing) : PageModel
{
    [BindProperty] public SchemaInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Departements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (codes, items) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        if (codes.Count == 0) return Forbid();
        Departements = items;
        Input.Departement ??= codes[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (codes, items) = await SecretariatChoices.DepartementsAsync(access, queries, ct);
        if (codes.Count == 0) return Forbid();
        ModelState.Clear();
        var created = await editing.CreateSchemaAsync(Input, codes, ct);
        if (created.IsSuccess) return Redirect(SchemaFeature.SchemaPath(created.Value.Value));
        ModelState.AddProblems(created.Problems, nameof(Input));
        Departements = items;
        return Page();
    }
}
