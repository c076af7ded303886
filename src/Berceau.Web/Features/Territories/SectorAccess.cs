using Berceau.Domain.Access;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Territories;

/// <summary>
/// Who may draw which commune's sectors: admins and agents, in the communes their territory covers as a whole (a
/// commune grant, or a département grant for all its communes). Directors and the other staff roles may not. Every
/// handler asks here, on GET and on POST, for the commune of the sector it touches: the folder policy only says "staff".
/// </summary>
public sealed class SectorAccess(CurrentStaff staff)
{
    /// <summary>The territory where the user may draw sectors; empty when their roles do not allow it.</summary>
    public async Task<TerritoryScope> ScopeAsync(CancellationToken ct)
    {
        var user = staff.User;
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Agent))
            return TerritoryScope.Empty;
        var scope = await staff.ScopeAsync(ct);
        // Facility grants do not give a commune: only communes and départements count here.
        return new TerritoryScope(scope.Departements, scope.Communes, new HashSet<Guid>());
    }

    public async Task<bool> CoversCommuneAsync(string? communeCode, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(communeCode) && communeCode.Trim().Length == 5
        && (await ScopeAsync(ct)).CoversCommune(communeCode.Trim());
}
