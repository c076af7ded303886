using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Admin.Users;

public sealed record Place(string Code, string Name)
{
    public string Label => $"{Name} ({Code})";
}

public sealed record FacilityChoice(Guid Id, string Name, string CommuneName);

/// <summary>
/// What an admin may hand out: their départements, the communes those cover (plus communes granted one by one), and
/// the facilities of those communes (plus facilities granted directly).
/// </summary>
public sealed record AdminTerritory(TerritoryScope Scope, IReadOnlyList<Place> Departements, IReadOnlyList<Place> Communes)
{
    public bool HasDepartement(string code) => Departements.Any(d => d.Code == code);
    public bool HasCommune(string code) => Communes.Any(c => c.Code == code);
}

public sealed record UserListItem(
    string Id,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Territory,
    bool IsDisabled,
    bool IsLockedOut,
    bool TwoFactorEnabled);

/// <summary>A user's grants as the form edits them: at most one whole département, communes, facilities.</summary>
public sealed record UserGrants(string? Departement, IReadOnlyList<string> Communes, IReadOnlyList<Guid> Facilities);

public sealed record UserList(IReadOnlyList<UserListItem> Items, int Total, int Page, int PageCount);

/// <summary>
/// Reads for the user administration, always within the admin's territory: an admin manages the accounts whose every
/// grant lies inside their own scope (an admin of the 93 never sees nor edits an agent of the 92). Accounts without any
/// grant (families) belong to no territory and are visible to every admin.
/// </summary>
public sealed class UserQueries(BerceauDbContext db)
{
    public const int PageSize = 25;

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public async Task<AdminTerritory> TerritoryAsync(TerritoryScope scope, CancellationToken ct = default)
    {
        var departementCodes = scope.Departements.ToList();
        var communeCodes = scope.Communes.ToList();
        var departements = await db.Departements.AsNoTracking()
            .Where(d => departementCodes.Contains(d.Code))
            .OrderBy(d => d.Code)
            .Select(d => new Place(d.Code, d.Name))
            .ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking()
            .Where(c => departementCodes.Contains(c.DepartementCode) || communeCodes.Contains(c.Code))
            .Select(c => new Place(c.Code, c.Name))
            .ToListAsync(ct);
        // Sorted in French ("Épinay" among the E), which the database's ordinal order does not do.
        return new AdminTerritory(scope, departements, [.. communes.OrderBy(c => c.Name, StringComparer.Create(French, ignoreCase: true))]);
    }

    /// <summary>
    /// Accounts the admin may not manage: those with at least one grant outside the admin's scope. Grants are few
    /// (one to three per staff member), so they are checked here with the same <see cref="TerritoryScope"/> rules as
    /// everywhere else rather than re-written in SQL.
    /// </summary>
    public async Task<HashSet<string>> OutOfScopeUserIdsAsync(TerritoryScope scope, string? userId = null, CancellationToken ct = default)
    {
        var query = db.UserGrants.AsNoTracking();
        if (userId is not null) query = query.Where(g => g.UserId == userId);
        var grants = await query.ToListAsync(ct);
        var facilityCommunes = await FacilityCommunesAsync(grants.Where(g => g.FacilityId != null).Select(g => g.FacilityId!.Value), ct);
        return grants
            .Where(g => !Covers(scope, g, g.FacilityId is { } f ? facilityCommunes.GetValueOrDefault(f) : null))
            .Select(g => g.UserId)
            .ToHashSet();
    }

    public async Task<bool> CanManageAsync(TerritoryScope scope, string userId, CancellationToken ct = default) =>
        (await OutOfScopeUserIdsAsync(scope, userId, ct)).Count == 0;

    internal static bool Covers(TerritoryScope scope, UserGrant grant, string? facilityCommune) =>
        grant switch
        {
            { DepartementCode: { } d } => scope.Departements.Contains(d),
            { CommuneCode: { } c } => scope.CoversCommune(c),
            { FacilityId: { } f } => facilityCommune is null ? scope.Facilities.Contains(f) : scope.CoversFacility(f, facilityCommune),
            _ => true,
        };

    public async Task<Dictionary<Guid, string>> FacilityCommunesAsync(IEnumerable<Guid> facilityIds, CancellationToken ct = default)
    {
        var ids = facilityIds.Distinct().Select(id => new FacilityId(id)).ToList();
        if (ids.Count == 0) return [];
        var rows = await db.Facilities.AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.CommuneCode })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id.Value, r => r.CommuneCode);
    }

    public async Task<UserList> ListAsync(TerritoryScope scope, string? search, string? role, int page, DateTimeOffset now, CancellationToken ct = default)
    {
        var hidden = (await OutOfScopeUserIdsAsync(scope, ct: ct)).ToList();
        var users = db.Users.AsNoTracking().Where(u => !hidden.Contains(u.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLower();
            var upper = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToLower().Contains(text) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }
        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }

        var total = await users.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var roles = await RolesOfAsync(ids, ct);
        var territories = await TerritoryLabelsAsync(ids, ct);
        var items = rows.Select(r => new UserListItem(
            r.Id,
            r.DisplayName,
            r.Email ?? "",
            roles.GetValueOrDefault(r.Id) ?? [],
            territories.GetValueOrDefault(r.Id) ?? [],
            r.IsDisabled,
            r.LockoutEnd is { } end && end > now,
            r.TwoFactorEnabled)).ToList();
        return new UserList(items, total, page, pageCount);
    }

    /// <summary>Role names of each user, in the order of <see cref="Roles.All"/>.</summary>
    public async Task<Dictionary<string, IReadOnlyList<string>>> RolesOfAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. Roles.All.Where(role => g.Any(p => p.Name == role))]);
    }

    /// <summary>"Département 93", "Commune Montreuil (93048)", "Structure Les Lilas"… for each user.</summary>
    public async Task<Dictionary<string, IReadOnlyList<string>>> TerritoryLabelsAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        var grants = await db.UserGrants.AsNoTracking().Where(g => userIds.Contains(g.UserId)).ToListAsync(ct);
        var communeCodes = grants.Where(g => g.CommuneCode != null).Select(g => g.CommuneCode!).Distinct().ToList();
        var communeNames = await db.Communes.AsNoTracking()
            .Where(c => communeCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var facilityIds = grants.Where(g => g.FacilityId != null).Select(g => new FacilityId(g.FacilityId!.Value)).Distinct().ToList();
        var facilityNames = (await db.Facilities.AsNoTracking()
                .Where(f => facilityIds.Contains(f.Id))
                .Select(f => new { f.Id, f.Name })
                .ToListAsync(ct))
            .ToDictionary(f => f.Id.Value, f => f.Name);
        return grants.GroupBy(g => g.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)[.. g.Select(grant => grant switch
            {
                { DepartementCode: { } d } => $"Département {d}",
                { CommuneCode: { } c } => $"Commune {communeNames.GetValueOrDefault(c, c)} ({c})",
                { FacilityId: { } f } => $"Structure {facilityNames.GetValueOrDefault(f, f.ToString())}",
                _ => "",
            }).Order(StringComparer.CurrentCulture)]);
    }

    public async Task<UserGrants> GrantsOfAsync(string userId, CancellationToken ct = default)
    {
        var grants = await db.UserGrants.AsNoTracking().Where(g => g.UserId == userId).ToListAsync(ct);
        return new UserGrants(
            grants.Select(g => g.DepartementCode).FirstOrDefault(d => d != null),
            [.. grants.Where(g => g.CommuneCode != null).Select(g => g.CommuneCode!)],
            [.. grants.Where(g => g.FacilityId != null).Select(g => g.FacilityId!.Value)]);
    }

    /// <summary>Facilities whose name contains <paramref name="search"/>, within the admin's territory, for granting.</summary>
    public async Task<IReadOnlyList<FacilityChoice>> SearchFacilitiesAsync(AdminTerritory territory, string? search, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(search)) return [];
        var text = search.Trim().ToLower();
        var communeCodes = territory.Communes.Select(c => c.Code).ToList();
        var direct = territory.Scope.Facilities.Select(id => new FacilityId(id)).ToList();
        var rows = await db.Facilities.AsNoTracking()
            .Where(f => communeCodes.Contains(f.CommuneCode) || direct.Contains(f.Id))
            .Where(f => f.Name.ToLower().Contains(text))
            .OrderBy(f => f.Name)
            .Take(30)
            .Select(f => new { f.Id, f.Name, f.CommuneCode })
            .ToListAsync(ct);
        return [.. rows.Select(r => new FacilityChoice(r.Id.Value, r.Name, CommuneName(territory, r.CommuneCode)))];
    }

    /// <summary>The facilities already chosen, so that they stay ticked whatever the current search shows.</summary>
    public async Task<IReadOnlyList<FacilityChoice>> FacilitiesAsync(AdminTerritory territory, IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var typed = ids.Distinct().Select(id => new FacilityId(id)).ToList();
        if (typed.Count == 0) return [];
        var rows = await db.Facilities.AsNoTracking()
            .Where(f => typed.Contains(f.Id))
            .OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, f.CommuneCode })
            .ToListAsync(ct);
        return [.. rows.Select(r => new FacilityChoice(r.Id.Value, r.Name, CommuneName(territory, r.CommuneCode)))];
    }

    private static string CommuneName(AdminTerritory territory, string code) =>
        territory.Communes.FirstOrDefault(c => c.Code == code)?.Name ?? code;
}
