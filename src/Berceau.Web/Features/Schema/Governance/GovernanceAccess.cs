using Berceau.Data;
using Berceau.Domain.Governance;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema.Governance;

/// <summary>
/// Who sees and changes the governance of a schéma. The CDSF secretariat of the département (role pilotage or admin, with the
/// département granted) runs every instance. A member of an organisation that sits in an instance reads the instance, its
/// meetings, minutes, decisions and documents, and reports on the follow-up actions its organisation owns. Anyone else finds
/// nothing (404), as if the instance did not exist; families are refused at the folder (403).
/// </summary>
public sealed class GovernanceAccess(BerceauDbContext db, SchemaAccess schema)
{
    public DateTimeOffset Now => schema.Now;
    public DateOnly Today => schema.Today;

    public Task<SchemaUser> UserAsync(CancellationToken ct) => schema.UserAsync(ct);

    public static bool CanRead(SchemaUser user, GovernanceBody body) =>
        user.IsSecretariatOf(body.DepartementCode) || body.HasMemberAmong(user.OrganisationsIn(body.DepartementCode));

    public static bool CanReport(SchemaUser user, DecisionFollowUp action) =>
        user.IsSecretariatOf(action.DepartementCode) || user.OrganisationsIn(action.DepartementCode).Contains(action.OwnerId);

    /// <summary>The instance with its members and axes if the person may read it; null (404) otherwise.</summary>
    public async Task<GovernanceBody?> BodyAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var bodies = tracked ? db.GovernanceBodies : db.GovernanceBodies.AsNoTracking();
        var body = await bodies.Include(b => b.Members).Include(b => b.Axes).AsSplitQuery().FirstOrDefaultAsync(b => b.Id == id, ct);
        return body is not null && CanRead(await UserAsync(ct), body) ? body : null;
    }

    /// <summary>The meeting (agenda, attendance, decisions) and its instance, if the person may read the instance; null otherwise.</summary>
    public async Task<(GovernanceMeeting Meeting, GovernanceBody Body)?> MeetingAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var meetings = tracked ? db.GovernanceMeetings : db.GovernanceMeetings.AsNoTracking();
        var meeting = await meetings.Include(m => m.Agenda).Include(m => m.Attendance).Include(m => m.Decisions)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return null;
        var body = await BodyAsync(meeting.BodyId, tracked, ct);
        return body is null ? null : (meeting, body);
    }

    /// <summary>A follow-up action, for those who read its instance or whose organisation owns it; null otherwise.</summary>
    public async Task<(DecisionFollowUp Action, GovernanceBody Body)?> FollowUpAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var actions = tracked ? db.DecisionFollowUps : db.DecisionFollowUps.AsNoTracking();
        var action = await actions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return null;
        var user = await UserAsync(ct);
        var body = await db.GovernanceBodies.AsNoTracking().Include(b => b.Members).Include(b => b.Axes).AsSplitQuery().FirstAsync(b => b.Id == action.BodyId, ct);
        return CanRead(user, body) || CanReport(user, action) ? (action, body) : null;
    }
}
