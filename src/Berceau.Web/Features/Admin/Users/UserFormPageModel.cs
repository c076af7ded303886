using Berceau.Domain.Access;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Admin.Users;

/// <summary>
/// What the "new account" and "edit account" pages share: the input, and the choices the admin may make within their
/// territory (roles, département, communes, facilities found by name). Both render <c>_UserAccessFields</c>.
/// </summary>
public abstract class UserFormPageModel(UserQueries queries, CurrentStaff staff) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public AdminTerritory Territory { get; private set; } = new(TerritoryScope.Empty, [], []);
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> DepartementItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> FacilityItems { get; private set; } = [];

    /// <summary>Null when no search was made; else the number of facilities found.</summary>
    public int? FacilitiesFound { get; private set; }

    protected UserQueries Queries => queries;

    protected async Task<AdminTerritory> LoadTerritoryAsync(CancellationToken ct) =>
        Territory = await queries.TerritoryAsync(await staff.ScopeAsync(ct), ct);

    /// <summary>Fills the lists; with <paramref name="search"/>, adds the facilities whose name matches the typed text.</summary>
    protected async Task LoadChoicesAsync(bool search, CancellationToken ct)
    {
        RoleItems = [.. Roles.All.Select(r => new SelectListItem(Roles.Label(r), r))];
        DepartementItems = [.. Territory.Departements.Select(d => new SelectListItem(d.Label, d.Code))];
        CommuneItems = [.. Territory.Communes.Select(c => new SelectListItem(c.Label, c.Code))];
        var chosen = await queries.FacilitiesAsync(Territory, Input.Facilities, ct);
        var found = search ? await queries.SearchFacilitiesAsync(Territory, Input.FacilitySearch, ct) : [];
        if (search) FacilitiesFound = found.Count;
        FacilityItems = [.. chosen.Concat(found.Where(f => chosen.All(c => c.Id != f.Id)))
            .Select(f => new SelectListItem($"{f.Name} ({f.CommuneName})", f.Id.ToString()))];
    }

    /// <summary>"Chercher des structures" re-posts the whole form, so that nothing typed is lost without JavaScript.</summary>
    public async Task<IActionResult> OnPostStructuresAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadTerritoryAsync(ct);
        await BeforeRedisplayAsync(ct);
        await LoadChoicesAsync(search: true, ct);
        return Page();
    }

    /// <summary>Loads what the page shows besides the form (the account's current state on the edit page).</summary>
    protected virtual Task BeforeRedisplayAsync(CancellationToken ct) => Task.CompletedTask;
}
