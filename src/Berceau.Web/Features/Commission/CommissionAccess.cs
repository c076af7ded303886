using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Who may do what with a commission session. The folder policy only says "staff"; every handler asks here, on GET and on POST.
/// <list type="bullet">
/// <item>Prepare (create a session): agents and admins whose territory covers the commune.</item>
/// <item>Review (the review screen, runs, overrides, replay, freeze): the session's members and the admins, of that territory
/// (their grants cover the commune, or, for a director sitting in the session, one of its structures).</item>
/// <item>Declare seats: whoever may edit the structure in the offer registry (its director, the territory's agents and admins).</item>
/// <item>Validate: the president only (the session checks it).</item>
/// <item>Manage (change the members, call the session off): who may prepare a session of its commune.</item>
/// <item>Minutes (read them, record attendance): who may manage or review the session.</item>
/// </list>
/// </summary>
public sealed class CommissionAccess(BerceauDbContext db, CurrentStaff staff, TimeProvider clock)
{
    public string UserId => staff.UserId ?? throw new InvalidOperationException("Staff pages are only reached signed in.");

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The territory's day (metropolitan France): freeze dates and ages are days there.</summary>
    public DateOnly Today => CommissionDisplay.DayOf(Now);

    public bool IsAdmin => staff.IsAdmin;

    public Task<StaffMember> MemberAsync(CancellationToken ct) => FacilityAccess.CurrentAsync(staff, ct);

    public async Task<bool> CanPrepareAsync(string communeCode, CancellationToken ct)
    {
        var user = await MemberAsync(ct);
        return user.ManagesTerritory && user.Scope.CoversCommune(communeCode);
    }

    /// <summary>The communes where the user may create a session, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> PreparableCommunesAsync(CancellationToken ct)
    {
        var user = await MemberAsync(ct);
        if (!user.ManagesTerritory) return [];
        var communes = user.Scope.Communes.ToList();
        var departements = user.Scope.Departements.ToList();
        var rows = await db.Communes.AsNoTracking().Where(c => communes.Contains(c.Code) || departements.Contains(c.DepartementCode))
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, CommissionDisplay.FrenchOrder).Select(r => (r.Code, r.Name))];
    }

    public Task<bool> CanManageAsync(CommissionSession session, CancellationToken ct) => CanPrepareAsync(session.CommuneCode, ct);

    public async Task<bool> CanKeepMinutesAsync(CommissionSession session, CancellationToken ct) =>
        await CanManageAsync(session, ct) || await CanReviewAsync(session, ct);

    public async Task<bool> CanReviewAsync(CommissionSession session, CancellationToken ct)
    {
        var isMember = session.MemberOf(UserId) is not null;
        if (!isMember && !staff.IsAdmin) return false;
        var scope = await staff.ScopeAsync(ct);
        if (scope.CoversCommune(session.CommuneCode)) return true;
        // A director sitting in the session: their crèche is one of its structures.
        if (!isMember || scope.Facilities.Count == 0) return false;
        var granted = scope.Facilities.Select(id => new FacilityId(id)).ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => granted.Contains(f.Id)).Select(f => new { f.Id, f.CommuneCode }).ToListAsync(ct);
        return facilities.Any(f => session.Covers(f.Id, f.CommuneCode));
    }

    /// <summary>The structures of the session's scope the user may declare seats for, with their sections.</summary>
    public async Task<IReadOnlyList<Facility>> DeclarableFacilitiesAsync(CommissionSession session, bool tracked, CancellationToken ct)
    {
        var user = await MemberAsync(ct);
        var facilities = await CommissionQueries.ScopeFacilities(db, session, tracked).InScope(user.Scope).ToListAsync(ct);
        return [.. facilities.Where(f => FacilityAccess.CanEdit(user, f)).OrderBy(f => f.Name, CommissionDisplay.FrenchOrder)];
    }

    /// <summary>Sessions the user may see in the list: of their communes, or including their crèche (directors), or where they sit.</summary>
    public async Task<IReadOnlyList<CommissionSession>> VisibleSessionsAsync(CancellationToken ct)
    {
        var user = await MemberAsync(ct);
        var scope = await staff.ScopeAsync(ct);
        var granted = scope.Facilities.Select(id => new FacilityId(id)).ToList();
        var communes = await db.Facilities.AsNoTracking().Where(f => granted.Contains(f.Id)).Select(f => f.CommuneCode).ToListAsync(ct);
        var departements = scope.Departements.ToList();
        communes.AddRange(scope.Communes);
        communes.AddRange(await db.Communes.AsNoTracking().Where(c => departements.Contains(c.DepartementCode)).Select(c => c.Code).ToListAsync(ct));
        var userId = UserId;
        var sessions = await db.CommissionSessions.AsNoTracking()
            .Where(s => communes.Contains(s.CommuneCode) || s.Members.Any(m => m.UserId == userId))
            .ToListAsync(ct);
        var visible = new List<CommissionSession>();
        foreach (var session in sessions)
        {
            if (await CanReviewAsync(session, ct) || (await DeclarableFacilitiesAsync(session, false, ct)).Count > 0
                || (user.ManagesTerritory && user.Scope.CoversCommune(session.CommuneCode)))
                visible.Add(session);
        }
        return [.. visible.OrderByDescending(s => s.MeetingDate).ThenBy(s => s.Title, CommissionDisplay.FrenchOrder)];
    }
}
