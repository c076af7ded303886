using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>The schémas the person may open (/pro/schema): those of their départements and of their organisations' départements.</summary>
public sealed class IndexModel(SchemaAccess access, SchemaQueries queries) : PageModel
{
    public IReadOnlyList<SchemaListRow> Schemas { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        Schemas = await queries.ListAsync(user.Departements, ct);
        CanCreate = user.Scope.Departements.Any(user.IsSecretariatOf);
        return Page();
    }
}
