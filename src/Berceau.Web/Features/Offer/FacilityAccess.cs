using System.Linq.Expressions;
using System.Security.Claims;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Offer;

/// <summary>
/// The signed-in staff member as the offer registry sees them: their roles and the part of the territory they may see.
/// For a director the scope holds only the facilities granted to them, whatever else their grants say.
/// </summary>
public sealed record StaffMember(ClaimsPrincipal Principal, TerritoryScope Scope)
{
    /// <summary>Admins and agents run the registry of their territory: they create, edit and close facilities.</summary>
    public bool ManagesTerritory => Principal.IsInRole(Roles.Admin) || Principal.IsInRole(Roles.Agent);

    public bool IsDirector => Principal.IsInRole(Roles.Director);

    public string Name => Principal.Identity?.Name ?? "";
}

/// <summary>
/// Who may see and change which facility. Every handler of the offer pages asks here, on GET and on POST: the folder
/// policy only says "staff", it does not say which facility.
/// </summary>
public static class FacilityAccess
{
    public static async Task<StaffMember> CurrentAsync(CurrentStaff staff, CancellationToken ct)
    {
        var user = staff.User;
        if (!Roles.Staff.Any(user.IsInRole))
        {
            return new StaffMember(user, TerritoryScope.Empty);
        }
        var grants = await staff.ScopeAsync(ct);
        // A director works for their crèche, not for the commune it stands in: communes granted by mistake do not widen it.
        var scope = !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Agent) && user.IsInRole(Roles.Director)
            ? new TerritoryScope(new HashSet<string>(), new HashSet<string>(), grants.Facilities)
            : grants;
        return new StaffMember(user, scope);
    }

    /// <summary>
    /// Facilities the scope covers: granted directly, in a granted commune, or in a granted département (INSEE code prefix).
    /// Built as an OR of simple comparisons with the scope's values inlined, which every provider translates to SQL
    /// (IN, LIKE 'xx%', =) — a scope holds a handful of values, so inlining costs nothing.
    /// </summary>
    public static IQueryable<Facility> InScope(this IQueryable<Facility> facilities, TerritoryScope scope)
    {
        var f = Expression.Parameter(typeof(Facility), "f");
        var commune = Expression.Property(f, nameof(Facility.CommuneCode));
        var terms = new List<Expression>();
        if (scope.Communes.Count > 0)
        {
            var codes = scope.Communes.Order(StringComparer.Ordinal).ToList();
            terms.Add(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(codes), commune));
        }
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var departement in scope.Departements.Order(StringComparer.Ordinal))
        {
            terms.Add(Expression.Call(commune, startsWith, Expression.Constant(departement)));
        }
        var id = Expression.Property(f, nameof(Facility.Id));
        foreach (var facility in scope.Facilities.Order())
        {
            terms.Add(Expression.Equal(id, Expression.Constant(new FacilityId(facility))));
        }
        if (terms.Count == 0)
        {
            return facilities.Where(_ => false);
        }
        var body = terms.Aggregate(Expression.OrElse);
        return facilities.Where(Expression.Lambda<Func<Facility, bool>>(body, f));
    }

    public static bool CanSee(StaffMember user, Facility facility) =>
        user.Scope.CoversFacility(facility.Id.Value, facility.CommuneCode);

    /// <summary>Admins and agents edit what their territory covers; a director edits the facilities granted to them.</summary>
    public static bool CanEdit(StaffMember user, Facility facility) =>
        (user.ManagesTerritory || user.IsDirector) && CanSee(user, facility);

    /// <summary>New facilities are registered by the territory (admins, agents), never by a director.</summary>
    public static bool CanCreate(StaffMember user) =>
        user.ManagesTerritory && (user.Scope.Communes.Count > 0 || user.Scope.Departements.Count > 0);

    /// <summary>A facility may be placed in a commune the user's territory covers as a whole.</summary>
    public static bool CanUseCommune(StaffMember user, string communeCode) =>
        user.ManagesTerritory && user.Scope.CoversCommune(communeCode);

    /// <summary>Closing (and reopening) a facility is the territory's decision: admins and agents only.</summary>
    public static bool CanClose(StaffMember user, Facility facility) =>
        user.ManagesTerritory && CanSee(user, facility);
}
