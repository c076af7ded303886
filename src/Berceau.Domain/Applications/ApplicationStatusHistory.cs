using Berceau.Domain.Common;

namespace Berceau.Domain.Applications;

/// <summary>One step of an application's timeline: who moved it, when, and why.</summary>
public sealed record StatusChange(ApplicationStatus From, ApplicationStatus To, DateTimeOffset At, string By, string? Reason);

/// <summary>
/// The status of an application and every change that led to it. The only way to change the status is <see cref="Move"/>,
/// which refuses what <see cref="ApplicationStatuses"/> does not allow; so the timeline a family reads is always a legal path
/// from the draft, in time order.
/// </summary>
public sealed class ApplicationStatusHistory
{
    private readonly List<StatusChange> _changes = [];

    public ApplicationStatus Current { get; private set; } = ApplicationStatus.Draft;

    public IReadOnlyList<StatusChange> Changes => _changes;

    /// <summary>
    /// Changes read from storage, in time order. Changes made at the same instant (a freeze then a publication by a clock that did
    /// not move, or two steps of one request) come back from the database in any order (PostgreSQL keeps none): within an instant
    /// they are put in the one order that chains them, each starting where the previous one ended.
    /// </summary>
    public static IEnumerable<StatusChange> InTimeOrder(IEnumerable<StatusChange> changes)
    {
        // Usually each change has an instant of its own and they come in time order: then that is the order, as is (the grouping
        // below would give the same sequence, one change per instant), without sorting nor a list per instant. A commission's
        // freeze replays tens of thousands of histories (docs/performance.md).
        if (changes is IReadOnlyList<StatusChange> list && IsStrictlyIncreasing(list)) return list;
        return Grouped(changes);
    }

    private static bool IsStrictlyIncreasing(IReadOnlyList<StatusChange> changes)
    {
        for (var i = 1; i < changes.Count; i++)
        {
            if (changes[i].At <= changes[i - 1].At) return false;
        }
        return true;
    }

    private static IEnumerable<StatusChange> Grouped(IEnumerable<StatusChange> changes)
    {
        var current = ApplicationStatus.Draft;
        foreach (var instant in changes.GroupBy(c => c.At).OrderBy(g => g.Key))
        {
            var pending = instant.ToList();
            while (pending.Count > 0)
            {
                // None that chains: the history is broken, and Replay says so with the first of them.
                var next = Math.Max(0, pending.FindIndex(c => c.From == current));
                current = pending[next].To;
                yield return pending[next];
                pending.RemoveAt(next);
            }
        }
    }

    /// <summary>Rebuilds a history read from storage, checking it as if every change were made again.</summary>
    public static Outcome<ApplicationStatusHistory> Replay(IEnumerable<StatusChange> changes)
    {
        var history = new ApplicationStatusHistory();
        foreach (var change in changes)
        {
            if (change.From != history.Current)
                return Problem.Of("application-history-broken", "", history.Current.Label(), change.From.Label());
            var moved = history.Move(change.To, change.At, change.By, change.Reason);
            if (!moved.IsSuccess) return Outcome<ApplicationStatusHistory>.Failure(moved.Problems);
        }
        return history;
    }

    public Outcome<StatusChange> Move(ApplicationStatus to, DateTimeOffset at, string by, string? reason = null)
    {
        var change = Next(Current, _changes.Count > 0 ? _changes[^1].At : null, to, at, by, reason);
        if (!change.IsSuccess) return change;
        _changes.Add(change.Value);
        Current = to;
        return change;
    }

    /// <summary>
    /// The change from <paramref name="from"/> to <paramref name="to"/>, or why the rules refuse it, for a history that ends at
    /// <paramref name="from"/> and whose last change is dated <paramref name="lastAt"/> (null: none): what <see cref="Move"/>
    /// records, for callers that know the current status and last instant without the whole history (a commission's freeze).
    /// </summary>
    public static Outcome<StatusChange> Next(ApplicationStatus from, DateTimeOffset? lastAt, ApplicationStatus to, DateTimeOffset at,
        string by, string? reason = null)
    {
        if (!ApplicationStatuses.CanMove(from, to))
            return Problem.Of(ApplicationStatuses.IsFinal(from) ? "application-final" : "application-move-refused", "", from.Label(), to.Label());
        if (lastAt is { } last && at < last)
            return Problem.Of("application-move-backdated", "", last);
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is null && ApplicationStatuses.NeedsReason(to, from))
            return Problem.Of("application-reason-required", "Reason", to.Label());
        if (string.IsNullOrWhiteSpace(by))
            throw new ArgumentException("A status change always has an author (a user id or « système »).", nameof(by));
        return new StatusChange(from, to, at, by, why);
    }
}
