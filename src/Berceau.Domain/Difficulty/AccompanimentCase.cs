using Berceau.Domain.Common;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Difficulty;

public readonly record struct AccompanimentCaseId(Guid Value)
{
    public static AccompanimentCaseId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>Why the case was opened: an alert of the list, or the structure asked for help (a MAM asking to be stabilised…).</summary>
public enum AccompanimentOrigin { Alert, StructureRequest }

public enum AccompanimentStatus { Open, Closed }

/// <summary>What a line of the accompaniment log records.</summary>
public enum AccompanimentActionKind { Opened, Visit, Meeting, FundingMobilised, Other, Closed, Reopened }

/// <summary>How an accompaniment ends: a fixed list, so that the outcome means the same thing in every territory.</summary>
public enum AccompanimentOutcome { Stabilised, PlacesReopened, TakenOver, StructureClosed, NoLongerNeeded }

/// <summary>One line of the log: what, on which day, who wrote it and when, a note; the funding mobilised (funder and euros); the outcome of a closing.</summary>
public sealed class AccompanimentAction
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public AccompanimentCaseId CaseId { get; init; }
    public AccompanimentActionKind Kind { get; init; }
    public DateOnly On { get; init; }
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public string? Note { get; init; }
    public string? Funder { get; init; }
    public decimal? Amount { get; init; }
    public AccompanimentOutcome? Outcome { get; init; }
}

/// <summary>
/// The « accompagnement » of a structure in difficulty by the Caf, the PMI or the commune: visits, meetings, funding mobilised,
/// until an outcome. Kept like a family's follow-up case: one open case per structure at a time (a unique index says so), every
/// change goes through a verb, writes a line of the log and bumps <see cref="Version"/> so that two advisors on the same case are
/// detected; every read and change is audited by the pages.
/// </summary>
public sealed class AccompanimentCase
{
    public const int MaxNoteLength = 2000;
    public const int MinReasonLength = 5;
    public const int MaxFunderLength = 200;
    public const decimal MaxAmount = 10_000_000m;

    public AccompanimentCaseId Id { get; init; } = AccompanimentCaseId.New();
    public required FacilityId FacilityId { get; init; }
    /// <summary>The structure's commune when the case was opened: the territory that follows it.</summary>
    public required string CommuneCode { get; init; }
    public AccompanimentOrigin Origin { get; init; }
    /// <summary>The alerts of the list when the case was opened, as the advisor read them (empty for a structure's request).</summary>
    public string? AlertsAtOpening { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public required string OpenedBy { get; init; }
    public AccompanimentStatus Status { get; private set; } = AccompanimentStatus.Open;
    public AccompanimentOutcome? Outcome { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public List<AccompanimentAction> Actions { get; init; } = [];
    public int Version { get; set; }

    /// <summary>Funding mobilised so far, in euros (the sum of the « financement mobilisé » lines).</summary>
    public decimal FundingMobilised => Actions.Where(a => a.Kind == AccompanimentActionKind.FundingMobilised).Sum(a => a.Amount ?? 0);

    public static Outcome<AccompanimentCase> Open(FacilityId facility, string communeCode, AccompanimentOrigin? origin, IReadOnlyList<DifficultyAlert> alerts,
        string? reason, DateOnly today, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>();
        if (origin is null || !Enum.IsDefined(origin.Value)) problems.Add(Problem.Of("accompaniment-origin", "Origin"));
        // Opened « from an alert » only when the list shows one: otherwise the origin would say something untrue.
        else if (origin == AccompanimentOrigin.Alert && alerts.Count == 0) problems.Add(Problem.Of("accompaniment-no-alert", "Origin"));
        var why = Reason(reason);
        if (!why.IsSuccess) problems.AddRange(why.Problems);
        if (problems.Count > 0) return Outcome<AccompanimentCase>.Failure(problems);
        var opened = new AccompanimentCase
        {
            FacilityId = facility, CommuneCode = communeCode, Origin = origin!.Value, OpenedAt = at, OpenedBy = by,
            AlertsAtOpening = origin == AccompanimentOrigin.Alert ? string.Join("\n", alerts.Select(a => $"{a.Kind.Label()} : {a.Cause}")) : null,
        };
        opened.Actions.Add(new AccompanimentAction { CaseId = opened.Id, Kind = AccompanimentActionKind.Opened, On = today, At = at, By = by, Note = why.Value });
        return opened;
    }

    /// <summary>
    /// A visit, a meeting, funding mobilised or another action, on a day neither after today nor before the opening, with a note
    /// (mandatory except for funding, which needs its funder and a positive amount in euros).
    /// </summary>
    public Outcome<AccompanimentAction> Record(AccompanimentActionKind? kind, DateOnly on, string? note, string? funder, decimal? amount,
        DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != AccompanimentStatus.Open) return Problem.Of("accompaniment-closed", "");
        var problems = new List<Problem>();
        if (kind is not (AccompanimentActionKind.Visit or AccompanimentActionKind.Meeting or AccompanimentActionKind.FundingMobilised or AccompanimentActionKind.Other))
            problems.Add(Problem.Of("accompaniment-action-kind", "Kind"));
        CheckDay(on, today, "On", problems);
        var text = CaseNotes.Clean(note);
        if (text is { Length: > MaxNoteLength }) problems.Add(Problem.Of("too-long", "Note", MaxNoteLength));
        var who = CaseNotes.Clean(funder);
        if (kind == AccompanimentActionKind.FundingMobilised)
        {
            if (who is null) problems.Add(Problem.Of("accompaniment-funder-missing", "Funder"));
            else if (who.Length > MaxFunderLength) problems.Add(Problem.Of("too-long", "Funder", MaxFunderLength));
            if (amount is null) problems.Add(Problem.Of("accompaniment-amount-missing", "Amount"));
            else if (amount <= 0 || amount > MaxAmount) problems.Add(Problem.Of("accompaniment-amount-range", "Amount", MaxAmount));
        }
        else if (kind is not null && text is null) problems.Add(Problem.Of("accompaniment-note-missing", "Note"));
        if (problems.Count > 0) return Outcome<AccompanimentAction>.Failure(problems);
        var funding = kind == AccompanimentActionKind.FundingMobilised;
        return Add(kind!.Value, on, text, funding ? who : null, funding ? decimal.Round(amount!.Value, 2) : null, null, at, by);
    }

    /// <summary>Closes the case with its outcome (mandatory), on a day neither after today nor before the opening.</summary>
    public Outcome<AccompanimentAction> Close(AccompanimentOutcome? outcome, DateOnly on, string? note, DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != AccompanimentStatus.Open) return Problem.Of("accompaniment-closed", "");
        var problems = new List<Problem>();
        if (outcome is null || !Enum.IsDefined(outcome.Value)) problems.Add(Problem.Of("accompaniment-outcome-missing", "Outcome"));
        CheckDay(on, today, "On", problems);
        var text = CaseNotes.Clean(note);
        if (text is { Length: > MaxNoteLength }) problems.Add(Problem.Of("too-long", "Note", MaxNoteLength));
        if (problems.Count > 0) return Outcome<AccompanimentAction>.Failure(problems);
        (Status, Outcome, ClosedAt, ClosedBy) = (AccompanimentStatus.Closed, outcome, at, by);
        return Add(AccompanimentActionKind.Closed, on, text, null, null, outcome, at, by);
    }

    /// <summary>Opens a closed case again with a reason; the caller checks that the structure has no other open case (the index refuses it anyway).</summary>
    public Outcome<AccompanimentAction> Reopen(string? reason, DateOnly today, DateTimeOffset at, string by)
    {
        if (Status != AccompanimentStatus.Closed) return Problem.Of("accompaniment-not-closed", "");
        var why = Reason(reason);
        if (!why.IsSuccess) return Outcome<AccompanimentAction>.Failure(why.Problems);
        (Status, Outcome, ClosedAt, ClosedBy) = (AccompanimentStatus.Open, null, null, null);
        return Add(AccompanimentActionKind.Reopened, today, why.Value, null, null, null, at, by);
    }

    public int AgeInDays(DateOnly today) => today.DayNumber - DateOnly.FromDateTime(OpenedAt.UtcDateTime).DayNumber;

    private void CheckDay(DateOnly on, DateOnly today, string field, List<Problem> problems)
    {
        if (on > today) problems.Add(Problem.Of("followup-date-future", field));
        if (on < DateOnly.FromDateTime(OpenedAt.UtcDateTime).AddDays(-1)) problems.Add(Problem.Of("accompaniment-date-before-opening", field));
    }

    private AccompanimentAction Add(AccompanimentActionKind kind, DateOnly on, string? note, string? funder, decimal? amount, AccompanimentOutcome? outcome,
        DateTimeOffset at, string by)
    {
        var action = new AccompanimentAction { CaseId = Id, Kind = kind, On = on, At = at, By = by, Note = note, Funder = funder, Amount = amount, Outcome = outcome };
        Actions.Add(action);
        Version++;
        return action;
    }

    private static Outcome<string> Reason(string? reason) =>
        CaseNotes.Reason(reason, "Reason", MinReasonLength, MaxNoteLength, "followup-reason-missing");
}

public static class AccompanimentLabels
{
    public static string Label(this AccompanimentActionKind kind) => kind switch
    {
        AccompanimentActionKind.Opened => "Accompagnement ouvert",
        AccompanimentActionKind.Visit => "Visite sur place",
        AccompanimentActionKind.Meeting => "Réunion ou rendez-vous",
        AccompanimentActionKind.FundingMobilised => "Financement mobilisé",
        AccompanimentActionKind.Other => "Autre action",
        AccompanimentActionKind.Closed => "Accompagnement clos",
        AccompanimentActionKind.Reopened => "Accompagnement rouvert",
        _ => kind.ToString(),
    };

    public static string Label(this AccompanimentOutcome outcome) => outcome switch
    {
        AccompanimentOutcome.Stabilised => "Structure stabilisée",
        AccompanimentOutcome.PlacesReopened => "Places rouvertes",
        AccompanimentOutcome.TakenOver => "Reprise par un autre gestionnaire",
        AccompanimentOutcome.StructureClosed => "Fermeture de la structure",
        AccompanimentOutcome.NoLongerNeeded => "Accompagnement sans objet",
        _ => outcome.ToString(),
    };

    public static string Label(this AccompanimentOrigin origin) => origin switch
    {
        AccompanimentOrigin.Alert => "Alerte de la liste",
        AccompanimentOrigin.StructureRequest => "Demande de la structure (par exemple une MAM qui demande à être stabilisée)",
        _ => origin.ToString(),
    };

    public static string Label(this AccompanimentStatus status) => status switch
    {
        AccompanimentStatus.Open => "En cours",
        AccompanimentStatus.Closed => "Clos",
        _ => status.ToString(),
    };
}
