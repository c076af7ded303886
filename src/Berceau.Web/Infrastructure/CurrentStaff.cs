using System.Security.Claims;
using Berceau.Data;
using Berceau.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Infrastructure;

/// <summary>The signed-in staff member's territory, loaded once per request from their grants.</summary>
public sealed class CurrentStaff(BerceauDbContext db, IHttpContextAccessor http)
{
    private TerritoryScope? _scope;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();
    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public async Task<TerritoryScope> ScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        if (UserId is null) return _scope = TerritoryScope.Empty;
        var grants = await db.UserGrants.AsNoTracking().Where(g => g.UserId == UserId).ToListAsync(ct);
        return _scope = new TerritoryScope(
            grants.Where(g => g.DepartementCode != null).Select(g => g.DepartementCode!).ToHashSet(),
            grants.Where(g => g.CommuneCode != null).Select(g => g.CommuneCode!).ToHashSet(),
            grants.Where(g => g.FacilityId != null).Select(g => g.FacilityId!.Value).ToHashSet());
    }
}
