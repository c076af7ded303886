using Berceau.Domain.Common;
using Berceau.Domain.Schema;

namespace Berceau.Domain.Governance;

/// <summary>
/// A follow-up action (« suivi des décisions »): what a decision asks of an organisation, by when, and where it stands (à faire,
/// en cours, faite), with a short comment. It may name the fiche action it serves. The owner's members update its status; the
/// secretariat may too. An action not done after its due day is « en retard ». Every change bumps <see cref="Version"/>.
/// </summary>
public sealed class DecisionFollowUp
{
    public const int MinTitleLength = 5;
    public const int MaxTitleLength = 400;
    public const int MaxCommentLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string DepartementCode { get; init; }
    public Guid BodyId { get; init; }
    public Guid MeetingId { get; init; }
    public Guid DecisionId { get; init; }
    public string Title { get; private set; } = "";
    public PartnerOrganisationId OwnerId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public ActionSheetId? SheetId { get; private set; }
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.ToDo;
    public string? Comment { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }
    public int Version { get; set; }

    /// <summary>
    /// The action a decision of <paramref name="meetingDay"/> gives to <paramref name="owner"/>: due on or after that day (an
    /// action is never late on the day it is decided).
    /// </summary>
    public static Outcome<DecisionFollowUp> Create(string departement, Guid body, Guid meeting, MeetingDecision decision, string? title,
        PartnerOrganisationId? owner, DateOnly? dueOn, DateOnly meetingDay, ActionSheetId? sheet, DateTimeOffset at)
    {
        var problems = new List<Problem>();
        var text = GovernanceText.Clean(title) ?? decision.Text;
        if (text.Length < MinTitleLength) problems.Add(Problem.Of("gov-followup-title", "Title", MinTitleLength));
        else if (text.Length > MaxTitleLength) problems.Add(Problem.Of("too-long", "Title", MaxTitleLength));
        if (owner is null) problems.Add(Problem.Of("gov-followup-owner", "OwnerId"));
        if (dueOn is null) problems.Add(Problem.Of("gov-followup-due", "DueOn"));
        else if (dueOn < meetingDay) problems.Add(Problem.Of("gov-followup-due-before", "DueOn", meetingDay));
        if (problems.Count > 0) return Outcome<DecisionFollowUp>.Failure(problems);
        return new DecisionFollowUp
        {
            DepartementCode = departement, BodyId = body, MeetingId = meeting, DecisionId = decision.Id, Title = text, OwnerId = owner!.Value,
            DueOn = dueOn!.Value, SheetId = sheet, CreatedAt = at,
        };
    }

    /// <summary>Where the action stands, with an optional comment (what was done, what blocks).</summary>
    public Outcome<bool> Report(FollowUpStatus? status, string? comment, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>();
        if (status is null) problems.Add(Problem.Of("gov-followup-status", "Status"));
        var text = GovernanceText.Clean(comment);
        if (text is { Length: > MaxCommentLength }) problems.Add(Problem.Of("too-long", "Comment", MaxCommentLength));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        Status = status!.Value;
        Comment = text;
        UpdatedAt = at;
        UpdatedBy = by;
        Version++;
        return true;
    }

    /// <summary>Not done and past its due day.</summary>
    public bool IsOverdue(DateOnly today) => Status != FollowUpStatus.Done && DueOn < today;

    /// <summary>The table's order: late actions first (the oldest due first), then the others by due day, done ones last.</summary>
    public static IOrderedEnumerable<T> InTableOrder<T>(IEnumerable<T> actions, Func<T, DecisionFollowUp> of, DateOnly today) =>
        actions.OrderBy(a => of(a).IsOverdue(today) ? 0 : of(a).Status == FollowUpStatus.Done ? 2 : 1)
            .ThenBy(a => of(a).DueOn).ThenBy(a => of(a).Title, StringComparer.CurrentCulture).ThenBy(a => of(a).Id);
}
