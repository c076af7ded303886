using Berceau.Domain.Access;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Obligations;

/// <summary>
/// Who sees and records which commune's obligations. The commune's agents (and admins) record their own commune's; the
/// département's secretariat (role pilotage with the département granted) records every commune's of it; the observatory and the
/// others of the folder policy read the communes their territory covers. A commune outside the territory is not found (404).
/// </summary>
public sealed class ObligationAccess(CurrentStaff staff, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ParisTime.DayOf(Now);
    public string UserId => staff.UserId ?? "";

    public Task<TerritoryScope> ScopeAsync(CancellationToken ct) => staff.ScopeAsync(ct);

    public async Task<bool> CanReadAsync(string commune, CancellationToken ct) => (await ScopeAsync(ct)).CoversCommune(commune);

    public async Task<bool> CanRecordAsync(string commune, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var user = staff.User;
        var manages = user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Admin);
        return (manages && scope.CoversCommune(commune))
            || (user.IsInRole(Roles.Steering) && scope.Departements.Contains(TerritoryScope.DepartementOf(commune)));
    }
}
