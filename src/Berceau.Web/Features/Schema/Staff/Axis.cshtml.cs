using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>Adds an axe (/pro/schema/{id}/axes/nouveau) or changes one (/pro/schema/{id}/axes/{axe}): the secretariat only.</summary>
public sealed class AxisModel(SchemaAccess access, SchemaEditing editing) : PageModel
{
    public const string New = "nouveau";

    [BindProperty] public AxisInput Input { get; set; } = new();
    public Sdsf Schema { get; private set; } = null!;
    public SchemaAxis? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string axis, CancellationToken ct)
    {
        var (result, schema, existing) = await LoadAsync(id, axis, tracked: false, ct);
        if (result is not null) return result;
        (Schema, Existing) = (schema!, existing);
        Input = new AxisInput
        {
            Version = schema!.Version,
            Number = existing is null ? InputReader.Format(schema.Axes.Select(a => a.Number).DefaultIfEmpty(0).Max() + 1) : InputReader.Format(existing.Number),
            Title = existing?.Title,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string axis, CancellationToken ct)
    {
        var (result, schema, existing) = await LoadAsync(id, axis, tracked: true, ct);
        if (result is not null) return result;
        ModelState.Clear();
        var saved = existing is null ? await editing.AddAxisAsync(schema!, Input, ct) : await editing.ChangeAxisAsync(schema!, existing, Input, ct);
        if (saved.IsSuccess) return Redirect(SchemaFeature.SchemaPath(id));
        ModelState.AddProblems(saved.Problems, nameof(Input));
        var (_, fresh, freshAxis) = await LoadAsync(id, axis, tracked: false, ct);
        (Schema, Existing) = (fresh!, freshAxis);
        return Page();
    }

    private async Task<(IActionResult? Result, Sdsf? Schema, SchemaAxis? Axis)> LoadAsync(Guid id, string axis, bool tracked, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked, ct);
        if (schema is null) return (NotFound(), null, null);
        if (!(await access.UserAsync(ct)).IsSecretariatOf(schema.DepartementCode)) return (Forbid(), null, null);
        if (axis == New) return (null, schema, null);
        var existing = Guid.TryParse(axis, out var axisId) ? schema.Axes.FirstOrDefault(a => a.Id == axisId) : null;
        return existing is null ? (NotFound(), null, null) : (null, schema, existing);
    }
}
