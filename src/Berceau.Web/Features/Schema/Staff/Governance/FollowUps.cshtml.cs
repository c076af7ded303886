using Berceau.Domain.Governance;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// The « suivi des décisions » (/pro/schema/suivi?instance=&amp;organisation=&amp;statut=&amp;retard=): the follow-up actions of the
/// instances the person reads and of their organisations, late ones first, filtered by instance, owner and state. An unknown
/// value in the address filters nothing.
/// </summary>
public sealed class FollowUpsModel(GovernanceAccess access, GovernanceQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "instance")] public string? Instance { get; set; }
    [BindProperty(SupportsGet = true, Name = "organisation")] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true, Name = "statut")] public string? Statut { get; set; }
    [BindProperty(SupportsGet = true, Name = "retard")] public bool Retard { get; set; }

    public IReadOnlyList<FollowUpRow> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> BodyItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];
    public int Overdue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        var all = await queries.FollowUpsAsync(user, new FollowUpFilter(null, null, null, false), access.Today, ct);
        var bodies = await queries.BodiesAsync(user, access.Today, ct);
        BodyItems = [.. bodies.Select(b => new SelectListItem(b.Name, b.Id.ToString()))];
        OwnerItems = [.. all.Select(r => (r.Action.OwnerId, r.Owner)).Distinct().OrderBy(o => o.Owner, StringComparer.CurrentCulture)
            .Select(o => new SelectListItem(o.Owner, o.OwnerId.ToString()))];
        var filter = new FollowUpFilter(
            Guid.TryParse(Instance, out var b) ? b : null,
            Guid.TryParse(Organisation, out var o) ? o : null,
            Enum.TryParse<FollowUpStatus>(Statut, out var s) && GovernanceLabels.Statuses.Contains(s) ? s : null,
            Retard);
        Rows = filter == new FollowUpFilter(null, null, null, false) ? all : await queries.FollowUpsAsync(user, filter, access.Today, ct);
        Overdue = Rows.Count(r => r.Overdue);
    }
}
