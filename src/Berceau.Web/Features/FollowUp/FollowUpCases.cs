using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.FollowUp;

/// <summary>An open follow-up case as the application's file shows it.</summary>
public sealed record OpenFollowUp(Guid Id, DateTimeOffset OpenedAt, FollowUpOrigin Origin, string? SessionTitle);

/// <summary>
/// The « zéro sans solution » hand-off (RULES §5): a family a commission left without a place gets a follow-up case, which the
/// guichet works on (issue 7). Opening is idempotent: an application with an open case, whatever opened it, gets no second
/// one, and the unique index refuses one that would slip through at the same moment.
/// </summary>
public sealed class FollowUpCases(BerceauDbContext db)
{
    /// <summary>Adds to the unit of work a case for each application without an open one; the caller saves. Returns how many.</summary>
    public async Task<int> OpenForUnplacedAsync(CommissionSession session, IEnumerable<ApplicationId> unplaced, DateTimeOffset at, string by, CancellationToken ct)
    {
        var ids = unplaced.Distinct().ToList();
        var open = await db.FollowUpCases.AsNoTracking().Where(c => ids.Contains(c.ApplicationId) && c.Status == FollowUpStatus.Open)
            .Select(c => c.ApplicationId).ToListAsync(ct);
        var opening = ids.Except(open).ToList();
        db.FollowUpCases.AddRange(opening.Select(id => FollowUpCase.FromCommission(id, session.CommuneCode, session.Id, at, by)));
        return opening.Count;
    }

    public async Task<OpenFollowUp?> OpenCaseAsync(ApplicationId application, CancellationToken ct) =>
        await (from c in db.FollowUpCases.AsNoTracking()
               where c.ApplicationId == application && c.Status == FollowUpStatus.Open
               join s in db.CommissionSessions.AsNoTracking() on c.SessionId equals s.Id into sessions
               from s in sessions.DefaultIfEmpty()
               select new OpenFollowUp(c.Id.Value, c.OpenedAt, c.Origin, s == null ? null : s.Title)).FirstOrDefaultAsync(ct);
}
