using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>Creates an instance (/pro/schema/instances/edition) or changes one (/pro/schema/instances/edition/{id}): the secretariat only.</summary>
public sealed class EditBodyModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries, SchemaAccess schema, SchemaQueries schemaQueries) : PageModel
{
    [BindProperty] public BodyInput Input { get; set; } = new();
    public GovernanceBody? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> Departements { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AxisItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: false, ct);
        if (result is not null) return result;
        if (Existing is { } b)
            Input = new BodyInput { Version = b.Version, Departement = b.DepartementCode, Kind = b.Kind.ToString(), Name = b.Name, Description = b.Description, AxisIds = [.. b.Axes.Select(a => a.AxisId.ToString())] };
        else if (Departements.Count == 1) Input.Departement = Departements[0].Value;
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: true, ct);
        if (result is not null) return result;
        ModelState.Clear();
        if (Existing is null)
        {
            var created = await editing.CreateBodyAsync(Input, [.. Departements.Select(d => d.Value)], ct);
            if (created.IsSuccess) return Redirect(GovernanceFeature.BodyPath(created.Value));
            ModelState.AddProblems(created.Problems, nameof(Input));
        }
        else
        {
            var saved = await editing.DescribeBodyAsync(Existing, Input, ct);
            if (saved.IsSuccess) return Redirect(GovernanceFeature.BodyPath(Existing.Id));
            ModelState.AddProblems(saved.Problems, nameof(Input));
            await LoadAsync(id, tracked: false, ct);
        }
        await ChoicesAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, bool tracked, CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        Departements = (await SecretariatChoices.DepartementsAsync(schema, schemaQueries, ct)).Items;
        if (id is null) return Departements.Count == 0 ? Forbid() : null;
        Existing = await access.BodyAsync(id.Value, tracked, ct);
        if (Existing is null) return NotFound();
        return user.IsSecretariatOf(Existing.DepartementCode) ? null : Forbid();
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var departement = Existing?.DepartementCode ?? Input.Departement ?? (Departements.Count > 0 ? Departements[0].Value : null);
        AxisItems = departement is null ? [] : await queries.AxisItemsAsync(departement, ct);
    }
}
