using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>The instances of governance the person may open (/pro/schema/instances): the secretariat's, and those their organisation sits in.</summary>
public sealed class IndexModel(GovernanceAccess access, GovernanceQueries queries) : PageModel
{
    public IReadOnlyList<BodyRow> Bodies { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        Bodies = await queries.BodiesAsync(user, access.Today, ct);
        CanCreate = user.Scope.Departements.Any(user.IsSecretariatOf);
    }
}
