using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

/// <summary>The members form: the president's e-mail and the other members' one a line, as at the creation.</summary>
public sealed record MembersInput
{
    public string? President { get; set; }
    public string? Members { get; set; }
}

/// <summary>The call-off form: the reason, written.</summary>
public sealed record CancelInput
{
    public string? Reason { get; set; }
}

/// <summary>
/// What the guichet does to a session around its meeting: change its members while it is prepared, call it off before its
/// validation, record who attended. Like <see cref="CommissionActions"/>: through the aggregate's verbs, one audit line, one
/// save. The callers check <see cref="CommissionAccess"/> first.
/// </summary>
public sealed class SessionManagement(BerceauDbContext db, CommissionAccess access, CommissionQueries queries, MemberDirectory directory, AuditLog audit,
    ApplicationEvents events, FreezeNotices freezeNotices)
{
    public async Task<Outcome<bool>> ChangeMembersAsync(CommissionSession session, MembersInput input, CancellationToken ct)
    {
        var read = new InputReader();
        var members = await directory.ReadAsync(input.President, input.Members, read, nameof(input.President), nameof(input.Members));
        if (read.Problems.Count > 0) return Outcome<bool>.Failure(read.Problems);
        var set = session.SetMembers(members);
        if (!set.IsSuccess) return Outcome<bool>.Failure([.. set.Problems.Select(p => p.Field == "Members" ? p with { Field = nameof(input.President) } : p)]);
        var names = await queries.NamesAsync(members.Select(m => m.UserId), ct);
        audit.Record(CommissionAudit.MembersChanged, CommissionAudit.EntityType, session.Id.ToString(),
            string.Join(", ", members.Select(m => $"{names.GetValueOrDefault(m.UserId, m.UserId)} ({m.Role.Label()})")));
        return await SaveAsync(ct);
    }

    /// <summary>
    /// Calls the session off. A frozen session had moved its applications « en commission »: each one still there goes back to
    /// the status it had before the freeze (complete, or on the waiting list), with the reason, and the family is told. The
    /// freeze's own notices not written yet by their job are written first, in the same transaction: a family hears « en
    /// commission » before it hears its application is back.
    /// </summary>
    public async Task<Outcome<bool>> CancelAsync(CommissionSession session, CancelInput input, CancellationToken ct)
    {
        var wasFrozen = session.Status == CommissionStatus.Frozen;
        var cancelled = session.Cancel(input.Reason, access.Now, access.UserId);
        if (!cancelled.IsSuccess) return cancelled;
        var returned = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (wasFrozen)
        {
            await freezeNotices.CatchUpAsync(session.Id, ct);
            var entries = await db.CommissionEntries.AsNoTracking().Where(e => e.SessionId == session.Id).ToListAsync(ct);
            var ids = entries.Select(e => e.ApplicationId).ToList();
            var applications = await db.Applications.Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery()
                .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            foreach (var entry in entries)
            {
                // Moved since the freeze (withdrawn by the family, say): the session no longer holds it.
                if (!applications.TryGetValue(entry.ApplicationId, out var application) || application.Status != ApplicationStatus.InCommittee) continue;
                var moved = application.Move(entry.StatusBefore, access.Now, access.UserId,
                    $"La commission « {session.Title} » est annulée : {session.CancellationReason}");
                if (!moved.IsSuccess) return Outcome<bool>.Failure(moved.Problems);
                await events.ChangedAsync(application, moved.Value, ct);
                returned++;
            }
        }
        audit.Record(CommissionAudit.Cancelled, CommissionAudit.EntityType, session.Id.ToString(),
            $"{session.CancellationReason} ({returned} demandes remises à leur statut d’avant le gel)");
        var saved = await SaveAsync(ct);
        if (saved.IsSuccess) await transaction.CommitAsync(ct);
        return saved;
    }

    public async Task<Outcome<bool>> RecordAttendanceAsync(CommissionSession session, IReadOnlyCollection<string> present, CancellationToken ct)
    {
        var recorded = session.RecordAttendance(present);
        if (!recorded.IsSuccess) return recorded;
        var names = await queries.NamesAsync(session.Members.Select(m => m.UserId), ct);
        audit.Record(CommissionAudit.AttendanceRecorded, CommissionAudit.EntityType, session.Id.ToString(),
            "présents : " + string.Join(", ", session.Members.Where(m => m.Present == true).Select(m => names.GetValueOrDefault(m.UserId, m.UserId))));
        return await SaveAsync(ct);
    }

    private async Task<Outcome<bool>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return Problem.Of("commission-concurrency", "");
        }
    }
}
