using Berceau.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>The agent's work queues, as tabs of /pro/demandes (the value is the query string's "file").</summary>
public enum Queue { ToCheck, Incomplete, ToConfirm, LapsingSoon, All }

public sealed record QueueFilter(Queue Queue, string? Search, ApplicationStatus? Status, int Page);

/// <summary>One line of a queue. Init properties so that EF composes the projection.</summary>
public sealed record QueueRow
{
    public ApplicationId Id { get; init; }
    public string Reference { get; init; } = "";
    public string? ChildFirstName { get; init; }
    public string? ChildLastName { get; init; }
    public string CommuneCode { get; init; } = "";
    public ApplicationStatus Status { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateOnly? LastConfirmedOn { get; init; }
    public DateOnly? WarnedOn { get; init; }
    public bool HasAccount { get; init; }
}

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int Total, int Page, int PageCount, IReadOnlyDictionary<Queue, int> Counts);

/// <summary>
/// Lists the territory's applications by queue, oldest first: the family that has waited longest is checked first.
/// Statuses are filtered in SQL; the confirmation steps are dates computed by <see cref="ConfirmationSchedule"/> (months
/// have different lengths), so those two queues take the few candidates SQL finds and decide in memory.
/// </summary>
public sealed class CaseworkQueues(CaseworkAccess access)
{
    public const int PageSize = 25;

    private static readonly ApplicationStatus[] Waiting =
        [ApplicationStatus.Submitted, ApplicationStatus.Incomplete, ApplicationStatus.Complete, ApplicationStatus.Waitlisted];

    public async Task<QueuePage> ListAsync(QueueFilter filter, CancellationToken ct)
    {
        var today = access.Today;
        var all = Search(await access.ApplicationsAsync(ct), filter);
        var toCheck = all.Where(a => a.Status == ApplicationStatus.Submitted);
        var incomplete = all.Where(a => a.Status == ApplicationStatus.Incomplete);
        var candidates = await ConfirmationCandidatesAsync(all, today, ct);
        var toConfirm = candidates.Where(r => StepOf(r, today) == ConfirmationStep.Due).ToList();
        var lapsing = candidates.Where(r => StepOf(r, today) is ConfirmationStep.Warned or ConfirmationStep.Lapses).ToList();
        var counts = new Dictionary<Queue, int>
        {
            [Queue.ToCheck] = await toCheck.CountAsync(ct),
            [Queue.Incomplete] = await incomplete.CountAsync(ct),
            [Queue.ToConfirm] = toConfirm.Count,
            [Queue.LapsingSoon] = lapsing.Count,
            [Queue.All] = await all.CountAsync(ct),
        };
        var total = counts[filter.Queue];
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var skip = (page - 1) * PageSize;
        IReadOnlyList<QueueRow> rows = filter.Queue switch
        {
            Queue.ToConfirm => [.. toConfirm.Skip(skip).Take(PageSize)],
            Queue.LapsingSoon => [.. lapsing.Skip(skip).Take(PageSize)],
            Queue.ToCheck => await PageAsync(toCheck, skip, ct),
            Queue.Incomplete => await PageAsync(incomplete, skip, ct),
            _ => await PageAsync(all, skip, ct),
        };
        return new QueuePage(rows, total, page, pageCount, counts);
    }

    private static IQueryable<Application> Search(IQueryable<Application> query, QueueFilter filter)
    {
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (string.IsNullOrWhiteSpace(filter.Search)) return query;
        // Lower-cased on both sides: SQLite and PostgreSQL do not agree on the case sensitivity of LIKE.
        var q = filter.Search.Trim().ToLowerInvariant();
        return query.Where(a => a.Reference.ToLower().Contains(q)
            || (a.ChildFirstName != null && a.ChildFirstName.ToLower().Contains(q))
            || (a.ChildLastName != null && a.ChildLastName.ToLower().Contains(q))
            || a.Guardians.Any(g => (g.FirstName != null && g.FirstName.ToLower().Contains(q)) || (g.LastName != null && g.LastName.ToLower().Contains(q))));
    }

    /// <summary>
    /// Waiting applications confirmed about three months ago or earlier: a few days of slack around month ends, the exact
    /// step is then computed per row. Oldest confirmation first.
    /// </summary>
    private static async Task<List<QueueRow>> ConfirmationCandidatesAsync(IQueryable<Application> query, DateOnly today, CancellationToken ct)
    {
        var latest = today.AddMonths(-ConfirmationSchedule.IntervalMonths).AddDays(3);
        var rows = await Rows(query.Where(a => Waiting.Contains(a.Status) && a.LastConfirmedOn != null && a.LastConfirmedOn <= latest)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.LastConfirmedOn).ThenBy(r => r.Reference)];
    }

    private static ConfirmationStep StepOf(QueueRow row, DateOnly today) =>
        ConfirmationSchedule.StepOn(today, row.LastConfirmedOn!.Value, row.WarnedOn);

    private static async Task<IReadOnlyList<QueueRow>> PageAsync(IQueryable<Application> query, int skip, CancellationToken ct) =>
        await Rows(query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Reference).Skip(skip).Take(PageSize)).ToListAsync(ct);

    private static IQueryable<QueueRow> Rows(IQueryable<Application> query) => query.Select(a => new QueueRow
    {
        Id = a.Id,
        Reference = a.Reference,
        ChildFirstName = a.ChildFirstName,
        ChildLastName = a.ChildLastName,
        CommuneCode = a.CommuneCode,
        Status = a.Status,
        SubmittedAt = a.SubmittedAt,
        LastConfirmedOn = a.LastConfirmedOn,
        WarnedOn = a.WarnedOn,
        HasAccount = a.FamilyUserId != null,
    });
}
