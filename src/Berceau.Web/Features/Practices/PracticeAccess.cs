using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Practices;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Practices;

/// <summary>
/// Who moderates which fiche: the CDSF secretariat (role pilotage, or admin) of the fiche's département (the submitter's); the
/// imported national fiches, admins only. A submitter reads its own submissions. Anyone else finds nothing (404).
/// </summary>
public sealed class PracticeAccess(BerceauDbContext db, CurrentStaff staff, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
    public string UserId => staff.UserId ?? "";

    private bool Steers => staff.User.IsInRole(Roles.Steering) || staff.IsAdmin;

    public async Task<bool> ModeratesAsync(GoodPractice practice, CancellationToken ct) =>
        Steers && (practice.DepartementCode is { } d ? (await staff.ScopeAsync(ct)).Departements.Contains(d) : staff.IsAdmin);

    /// <summary>The départements whose submissions the person moderates (none when not of the secretariat).</summary>
    public async Task<IReadOnlySet<string>> ModeratedDepartementsAsync(CancellationToken ct) =>
        Steers ? (await staff.ScopeAsync(ct)).Departements : new HashSet<string>();

    /// <summary>The département a submission is moderated in: the submitter's (a département grant, else its first commune's).</summary>
    public async Task<string?> DepartementOfSubmitterAsync(CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(ct);
        return scope.Departements.Order(StringComparer.Ordinal).FirstOrDefault()
            ?? scope.Communes.Order(StringComparer.Ordinal).Select(TerritoryScope.DepartementOf).FirstOrDefault();
    }

    /// <summary>The fiche if the person submitted it or moderates it; null (404) otherwise.</summary>
    public async Task<GoodPractice?> PracticeAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var practices = tracked ? db.GoodPractices : db.GoodPractices.AsNoTracking();
        var practice = await practices.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (practice is null) return null;
        return practice.SubmittedBy == UserId || await ModeratesAsync(practice, ct) ? practice : null;
    }
}
