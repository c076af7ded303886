using Berceau.Domain.Common;

namespace Berceau.Domain.Obligations;

/// <summary>What is recorded about one obligation of a commune: its status, the date of that situation, for a relay or a plan the
/// date it opened or was adopted, for a plan which of the D214-10-1 contents it has, and a comment.</summary>
public sealed record ObligationAssessment(ObligationStatus Status, DateOnly AsOf, DateOnly? Since, PlanContents Contents, string? Comment);

/// <summary>
/// One obligation of one commune (one row per commune and obligation). Never deleted: the audit log keeps each change; the row holds
/// the latest. <see cref="Version"/> detects two people changing it at once.
/// </summary>
public sealed class CommuneObligationRecord
{
    public const int MaxCommentLength = 1_000;
    public const int MaxDocuments = 10;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string CommuneCode { get; init; }
    public CommuneObligationKind Kind { get; init; }
    public ObligationStatus Status { get; private set; } = ObligationStatus.NotAssessed;
    public DateOnly? AsOf { get; private set; }
    /// <summary>The relay's opening day, the plan's adoption day by the municipal council.</summary>
    public DateOnly? Since { get; private set; }
    public PlanContents Contents { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }
    public int Version { get; private set; }

    public static CommuneObligationRecord Create(string communeCode, CommuneObligationKind kind) => new() { CommuneCode = communeCode, Kind = kind };

    /// <summary>
    /// Checks the assessment as typed and, when it holds, records it. A status must be chosen (« non renseignée » is where a commune
    /// starts, not an answer); the days are not after today; a relay or a plan marked « remplie » has its day; a plan is « remplie »
    /// only with all eight contents of D214-10-1. The contents belong to the plan only; for other obligations they are dropped.
    /// </summary>
    public Outcome<bool> Assess(ObligationStatus? status, DateOnly? asOf, DateOnly? since, PlanContents contents, string? comment,
        DateOnly today, DateTimeOffset now, string by)
    {
        var checkedOne = Check(Kind, status, asOf, since, contents, comment, today);
        if (!checkedOne.IsSuccess) return Outcome<bool>.Failure(checkedOne.Problems);
        var a = checkedOne.Value;
        Status = a.Status;
        AsOf = a.AsOf;
        Since = a.Since;
        Contents = a.Contents;
        Comment = a.Comment;
        UpdatedAt = now;
        UpdatedBy = by;
        Version++;
        return true;
    }

    public static Outcome<ObligationAssessment> Check(CommuneObligationKind kind, ObligationStatus? status, DateOnly? asOf, DateOnly? since,
        PlanContents contents, string? comment, DateOnly today)
    {
        var problems = new List<Problem>();
        if (status is null or ObligationStatus.NotAssessed || !Enum.IsDefined(status.Value)) problems.Add(Problem.Of("obligation-status-missing", "Status"));
        if (asOf is null) problems.Add(Problem.Of("obligation-asof-missing", "AsOf"));
        else if (asOf > today) problems.Add(Problem.Of("obligation-date-future", "AsOf"));
        var dated = kind.DateLabel() is not null;
        if (!dated) since = null;
        else if (since > today) problems.Add(Problem.Of("obligation-date-future", "Since"));
        else if (since is null && status == ObligationStatus.Met) problems.Add(Problem.Of("obligation-since-missing", "Since", kind.DateLabel()!.ToLowerInvariant()));
        contents = kind == CommuneObligationKind.MultiYearPlan ? contents & PlanContents.All : PlanContents.None;
        if (kind == CommuneObligationKind.MultiYearPlan && status == ObligationStatus.Met && contents != PlanContents.All)
            problems.Add(Problem.Of("obligation-plan-incomplete", "Contents", string.Join(", ", contents.Missing().Select(m => m.Label().ToLowerInvariant()))));
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text?.Length > MaxCommentLength) problems.Add(Problem.Of("obligation-comment-too-long", "Comment", MaxCommentLength));
        if (problems.Count > 0) return Outcome<ObligationAssessment>.Failure(problems);
        return new ObligationAssessment(status!.Value, asOf!.Value, since, contents, text);
    }
}

/// <summary>
/// A document kept with an obligation (the census, the délibération adopting the plan, the relay's agreement…), stored in the
/// database like the families' proofs, so that every web node serves it and backups hold it. Type and size are checked as for
/// proofs (<see cref="Applications.Proofs"/>).
/// </summary>
public sealed class CommuneObligationDocument
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid RecordId { get; init; }
    public required string Title { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public int Size { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}
