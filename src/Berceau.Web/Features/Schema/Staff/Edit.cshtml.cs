using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>Title, period and source of a schéma (/pro/schema/{id}/modifier): the secretariat of its département only.</summary>
public sealed class EditModel(SchemaAccess access, SchemaEditing editing) : PageModel
{
    [BindProperty] public SchemaInput Input { get; set; } = new();
    public Sdsf Schema { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: false, ct);
        if (schema is null) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(schema.DepartementCode)) return Forbid();
        Schema = schema;
        Input = new SchemaInput
        {
            Version = schema.Version, Title = schema.Title, StartYear = InputReader.Format(schema.StartYear), EndYear = InputReader.Format(schema.EndYear), Source = schema.Source,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: true, ct);
        if (schema is null) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(schema.DepartementCode)) return Forbid();
        ModelState.Clear();
        var saved = await editing.DescribeAsync(schema, Input, ct);
        if (saved.IsSuccess) return Redirect(SchemaFeature.SchemaPath(id));
        ModelState.AddProblems(saved.Problems, nameof(Input));
        Schema = (await access.SchemaAsync(id, tracked: false, ct))!;
        return Page();
    }
}
