using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.FollowUp;

public readonly record struct FollowUpCaseId(Guid Value)
{
    public static FollowUpCaseId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>Who opened the case: a commission that left the family without a place, or an agent of the guichet.</summary>
public enum FollowUpOrigin { Commission, Agent }

/// <summary>Open while the guichet works on it; closed with an <see cref="FollowUpOutcome"/>, and reopened with a reason if need be.</summary>
public enum FollowUpStatus { Open, Closed }

/// <summary>
/// A « dossier de suivi » of the « zéro sans solution » practice (RULES §5): a family left without a place is not left alone,
/// the guichet follows it until it has a solution (an assistant maternel, occasional care, the next commission…). One open case
/// per application at a time (a unique index says so), whatever opened it. Every change goes through a verb here, writes a
/// line of the log (<see cref="Actions"/>) and bumps <see cref="Version"/>, so that two agents on the same case are detected.
/// </summary>
public sealed class FollowUpCase
{
    public const int MaxNoteLength = 2000;
    public const int MinReasonLength = 5;

    public FollowUpCaseId Id { get; init; } = FollowUpCaseId.New();
    public required ApplicationId ApplicationId { get; init; }
    /// <summary>The application's commune: the guichet that follows the case up.</summary>
    public required string CommuneCode { get; init; }
    public FollowUpOrigin Origin { get; init; }
    /// <summary>The session that left the family without a place, when a commission opened the case.</summary>
    public CommissionSessionId? SessionId { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }
    public FollowUpStatus Status { get; private set; } = FollowUpStatus.Open;

    /// <summary>What the guichet plans to do next, and by when; null when nothing is planned (or the case is closed).</summary>
    public FollowUpStep? NextStep { get; private set; }
    public DateOnly? NextStepDue { get; private set; }

    /// <summary>The day the family had a solution (« solution trouvée », or the closing day when it closed with a solution).</summary>
    public DateOnly? SolutionOn { get; private set; }
    public FollowUpOutcome? Outcome { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }

    public List<FollowUpAction> Actions { get; init; } = [];

    /// <summary>Optimistic concurrency: incremented at every change so concurrent edits are detected.</summary>
    public int Version { get; set; }

    /// <summary>Opened by the validation of a session, for an application its validated run left without a place.</summary>
    public static FollowUpCase FromCommission(ApplicationId application, string communeCode, CommissionSessionId session, DateTimeOffset at, string by) => new()
    {
        ApplicationId = application, CommuneCode = communeCode, Origin = FollowUpOrigin.Commission, SessionId = session, OpenedAt = at, OpenedBy = by,
    };

    /// <summary>Opened by an agent of the guichet, for a family that needs help without waiting for a commission.</summary>
    public static FollowUpCase ByAgent(ApplicationId application, string communeCode, DateTimeOffset at, string by) => new()
    {
        ApplicationId = application, CommuneCode = communeCode, Origin = FollowUpOrigin.Agent, OpenedAt = at, OpenedBy = by,
    };

    /// <summary>Opened by an agent, with the reason written as the first line of the log.</summary>
    public static Outcome<FollowUpCase> OpenByAgent(ApplicationId application, string communeCode, string? reason, DateOnly today, DateTimeOffset at, string by)
    {
        var why = Reason(reason, "Reason");
        if (!why.IsSuccess) return Outcome<FollowUpCase>.Failure(why.Problems);
        var opened = ByAgent(application, communeCode, at, by);
        opened.Actions.Add(new FollowUpAction { CaseId = opened.Id, Kind = FollowUpActionKind.Opened, On = today, At = at, By = by, Note = why.Value });
        return opened;
    }

    /// <summary>
    /// A call, an appointment or the solution found, on a day not after today, with a note (mandatory for a solution: what it is).
    /// Doing what was planned (a call when a call was the next step) clears the next step.
    /// </summary>
    public Outcome<FollowUpAction> Record(FollowUpActionKind kind, DateOnly on, string? note, DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != FollowUpStatus.Open) return Problem.Of("followup-closed", "");
        if (kind is not (FollowUpActionKind.Call or FollowUpActionKind.Appointment or FollowUpActionKind.SolutionFound))
            return Problem.Of("followup-action-kind", "Kind");
        var problems = new List<Problem>();
        if (on > today) problems.Add(Problem.Of("followup-date-future", "On"));
        if (on < DateOnly.FromDateTime(OpenedAt.UtcDateTime).AddDays(-1)) problems.Add(Problem.Of("followup-date-before-opening", "On"));
        var text = Clean(note);
        if (text is { Length: > MaxNoteLength }) problems.Add(Problem.Of("too-long", "Note", MaxNoteLength));
        if (kind == FollowUpActionKind.SolutionFound && text is null) problems.Add(Problem.Of("followup-solution-what", "Note"));
        if (problems.Count > 0) return Outcome<FollowUpAction>.Failure(problems);
        if (kind == FollowUpActionKind.SolutionFound) SolutionOn = on;
        if (NextStep is { } step && step.DoneBy() == kind) ClearNextStep();
        return Add(kind, on, text, null, at, by);
    }

    /// <summary>The « solutions » letter was sent (or handed over): a line of the log; a planned sending is done.</summary>
    public Outcome<FollowUpAction> RecordProposalSent(string detail, DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != FollowUpStatus.Open) return Problem.Of("followup-closed", "");
        if (NextStep == FollowUpStep.SendProposal) ClearNextStep();
        return Add(FollowUpActionKind.ProposalSent, today, Clean(detail), null, at, by);
    }

    /// <summary>What to do next and by when (today or later); replaces the previous plan.</summary>
    public Outcome<bool> Plan(FollowUpStep? step, DateOnly? due, DateOnly today)
    {
        if (Status != FollowUpStatus.Open) return Problem.Of("followup-closed", "");
        var problems = new List<Problem>();
        if (step is null) problems.Add(Problem.Of("followup-step-missing", "Step"));
        if (due is null) problems.Add(Problem.Of("followup-due-missing", "Due"));
        else if (due < today) problems.Add(Problem.Of("followup-due-past", "Due"));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        NextStep = step;
        NextStepDue = due;
        Version++;
        return true;
    }

    /// <summary>
    /// Closes the case with its outcome (mandatory), on a day not after today. A solution outcome sets the day of the solution
    /// if « solution trouvée » was not recorded before; the plan is cleared.
    /// </summary>
    public Outcome<FollowUpAction> Close(FollowUpOutcome? outcome, DateOnly on, string? note, DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != FollowUpStatus.Open) return Problem.Of("followup-closed", "");
        var problems = new List<Problem>();
        if (outcome is null) problems.Add(Problem.Of("followup-outcome-missing", "Outcome"));
        if (on > today) problems.Add(Problem.Of("followup-date-future", "On"));
        if (on < DateOnly.FromDateTime(OpenedAt.UtcDateTime).AddDays(-1)) problems.Add(Problem.Of("followup-date-before-opening", "On"));
        var text = Clean(note);
        if (text is { Length: > MaxNoteLength }) problems.Add(Problem.Of("too-long", "Note", MaxNoteLength));
        if (problems.Count > 0) return Outcome<FollowUpAction>.Failure(problems);
        Status = FollowUpStatus.Closed;
        Outcome = outcome;
        ClosedAt = at;
        ClosedBy = by;
        if (outcome!.Value.IsSolution()) SolutionOn ??= on;
        else SolutionOn = null;
        ClearNextStep();
        return Add(FollowUpActionKind.Closed, on, text, outcome, at, by);
    }

    /// <summary>
    /// Opens a closed case again, with a reason (the solution did not hold, the family came back). The caller checks that the
    /// application has no other open case (the unique index refuses it anyway). The solution found before no longer counts.
    /// </summary>
    public Outcome<FollowUpAction> Reopen(string? reason, DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != FollowUpStatus.Closed) return Problem.Of("followup-not-closed", "");
        var why = Reason(reason, "Reason");
        if (!why.IsSuccess) return Outcome<FollowUpAction>.Failure(why.Problems);
        Status = FollowUpStatus.Open;
        Outcome = null;
        ClosedAt = null;
        ClosedBy = null;
        SolutionOn = null;
        return Add(FollowUpActionKind.Reopened, today, why.Value, null, at, by);
    }

    /// <summary>Days since the case was opened (its age on the worklist).</summary>
    public int AgeInDays(DateOnly today) => today.DayNumber - DateOnly.FromDateTime(OpenedAt.UtcDateTime).DayNumber;

    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && NextStepDue < today;

    private void ClearNextStep()
    {
        NextStep = null;
        NextStepDue = null;
    }

    private FollowUpAction Add(FollowUpActionKind kind, DateOnly on, string? note, FollowUpOutcome? outcome, DateTimeOffset at, string by)
    {
        var action = new FollowUpAction { CaseId = Id, Kind = kind, On = on, At = at, By = by, Note = note, Outcome = outcome };
        Actions.Add(action);
        Version++;
        return action;
    }

    private static Outcome<string> Reason(string? reason, string field) =>
        CaseNotes.Reason(reason, field, MinReasonLength, MaxNoteLength, "followup-reason-missing");

    private static string? Clean(string? text) => CaseNotes.Clean(text);
}
