using Berceau.Domain.Access;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Admin.Users;

/// <summary>The accounts of the admin's territory, searchable by name or e-mail and filterable by role.</summary>
public sealed class IndexModel(UserQueries queries, CurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public UserList Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<SelectListItem> RoleItems { get; } =
        [.. Roles.All.Select(r => new SelectListItem(Roles.Label(r), r))];

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var role = Roles.All.Contains(Role) ? Role : null;
        // Identity dates lockouts with the system clock, not TimeProvider: the list reads them the same way.
        Result = await queries.ListAsync(await staff.ScopeAsync(ct), Search, role, pageNumber, DateTimeOffset.UtcNow, ct);
    }

    public string PageHref(string page) =>
        "/admin/utilisateurs?" + string.Join("&", new[]
        {
            string.IsNullOrWhiteSpace(Search) ? null : "search=" + Uri.EscapeDataString(Search),
            string.IsNullOrWhiteSpace(Role) ? null : "role=" + Uri.EscapeDataString(Role),
            "page=" + page,
        }.Where(p => p is not null));
}
