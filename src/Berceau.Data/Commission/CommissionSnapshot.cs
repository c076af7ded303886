using Berceau.Domain.Commission;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Data.Commission;

/// <summary>
/// What a session froze: the engine instance before any override (the contract's JSON, written by the engine's own writer), the
/// grid version that scored it and the day ages were counted on. Runs start from these bytes; they never change after the freeze.
/// </summary>
public sealed class CommissionSnapshot
{
    public required CommissionSessionId SessionId { get; init; }
    public required string InstanceJson { get; init; }
    public required int GridVersion { get; init; }
    /// <summary>Ages are counted on this day: the earliest day the declared seats are free (docs/commission.md).</summary>
    public required DateOnly AgeOn { get; init; }
    public required DateTimeOffset FrozenAt { get; init; }
    public required string FrozenBy { get; init; }
    /// <summary>
    /// The session's distinct score lines and structures, which its entries' <see cref="CommissionEntry.ScoresJson"/> name by
    /// position (a département's freeze writes each label once, not at each of tens of thousands of families); null for sessions
    /// frozen before, whose entries carry their own lines.
    /// </summary>
    public string? ScoreTableJson { get; init; }
    /// <summary>
    /// The families' notices (« votre demande est en commission ») are written after the freeze commits, by a leased job, a batch
    /// of entries per transaction in the order of their ids (docs/commission.md, « Les avis du gel »): the id of the last entry
    /// whose family was notified, 0 before the first batch. A batch moves it only from the value it read, so two passes never
    /// write the same batch.
    /// </summary>
    public long NoticedUpTo { get; init; }
    /// <summary>When the last batch of notices was written; null while some remain (the job looks for these).</summary>
    public DateTimeOffset? NoticesQueuedAt { get; init; }
}

/// <summary>
/// One application examined by a session: the link between the engine's id (the application's reference) and the application, the
/// status it had before (to put it back if the session is called off), and its score breakdown at each wished structure, as the
/// grid computed it at the freeze (JSON naming the lines of the session's table, <see cref="CommissionSnapshot.ScoreTableJson"/>).
/// </summary>
public sealed class CommissionEntry
{
    public long Id { get; init; }
    public required CommissionSessionId SessionId { get; init; }
    public required ApplicationId ApplicationId { get; init; }
    public required string InstanceId { get; init; }
    public required Domain.Applications.ApplicationStatus StatusBefore { get; init; }
    /// <summary>
    /// The application's version the freeze read (its optimistic concurrency token): the freeze moves the applications to « en
    /// commission » in one statement that matches each one at this version, so one changed meanwhile is never frozen as it was.
    /// </summary>
    public int ApplicationVersion { get; init; }
    public required string ScoresJson { get; init; }
}

/// <summary>A wish's score as stored: the structure, the total and each line of the grid (label and points).</summary>
public sealed record StructureScore(Guid Facility, int Total, IReadOnlyList<StoredScoreLine> Lines);

/// <param name="Criterion">The grid's criterion, so that the family's own points can be told from a structure's (public statistics);
/// null in entries frozen before it was stored.</param>
public sealed record StoredScoreLine(string Label, int Points, Domain.Grid.Criterion? Criterion = null);

/// <summary>
/// One solve of a session: the instance actually given to the engine (the snapshot transformed by the overrides), the result, the
/// hash the engine gave, the engine's version and the overrides applied, who asked and when. Everything needed to replay it.
/// The result is stored with its elapsed time set to zero (kept in <see cref="ElapsedMs"/>): it is the only field the contract lets
/// vary, and without it the stored bytes are exactly what a replay writes.
/// </summary>
public sealed class CommissionRun
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required CommissionSessionId SessionId { get; init; }
    public required int Number { get; init; }
    /// <summary>
    /// The instance the engine was given, when the commission's decisions changed it; null when they did not (a run without
    /// decisions): the engine was then given the snapshot's instance, whose bytes are not stored twice (tens of megabytes in a
    /// département). Read through <see cref="InstanceOf"/>.
    /// </summary>
    public string? InstanceJson { get; init; }
    /// <summary>
    /// The sections of the instance the engine was given (the instance without its applications, written by the same writer):
    /// what the pages read of it (seats, reserves) without reading the whole instance. Null for runs stored before it existed,
    /// whose <see cref="InstanceJson"/> is always stored.
    /// </summary>
    public string? SectionsJson { get; init; }
    public required string ResultJson { get; init; }
    public required string InstanceHash { get; init; }
    public required string EngineVersion { get; init; }
    /// <summary>The overrides applied, as <see cref="AppliedOverride"/> JSON (forced placements included: the engine never saw them).</summary>
    public required string OverridesJson { get; init; }
    public double ElapsedMs { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string By { get; init; }

    /// <summary>The bytes of the instance the engine was given: the run's own, or the snapshot's when the run changed nothing.</summary>
    public string InstanceOf(CommissionSnapshot snapshot) => InstanceJson ?? snapshot.InstanceJson;
}

/// <summary>An override as a run applied it: enough to replay the run without reading the overrides table.</summary>
public sealed record AppliedOverride(Guid Id, OverrideKind Kind, string Application, Guid Facility, Guid? Section, string Reason, string By, DateTimeOffset At);
