using Berceau.Domain.Common;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Difficulty;

/// <summary>What an advisor (Caf, PMI, commune) records about a structure, which the alert list reads beside the figures held.</summary>
public enum SignalKind
{
    /// <summary>A finding of a PMI control visit (constat de contrôle PMI): what was found, and until the advisor lifts it.</summary>
    PmiFinding,
    /// <summary>A financial alert (deficit, unpaid subsidies, cash shortage…) flagged by an advisor.</summary>
    FinancialAlert,
    /// <summary>
    /// An occupancy rate the advisor knows (the Caf reads it in the structure's activity declaration): Berceau receives no billing
    /// data, so without such a report the occupancy is « non disponible ».
    /// </summary>
    Occupancy,
}

/// <summary>
/// A signal recorded by an advisor about a structure: a PMI control finding, a financial alert or an occupancy rate, on the day it
/// was observed, with a note. A finding or an alert stands until an advisor lifts it (with the day and why); an occupancy rate is
/// replaced by a newer one.
/// </summary>
public sealed class StructureSignal
{
    public const int MaxNoteLength = 2000;
    public const int MinNoteLength = 5;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required FacilityId FacilityId { get; init; }
    public SignalKind Kind { get; init; }
    /// <summary>The day of the control, of the alert, or the end of the period the occupancy rate measures.</summary>
    public DateOnly On { get; init; }
    /// <summary>The occupancy rate in percent (0 to 150: a structure may bill more hours than its places), for <see cref="SignalKind.Occupancy"/> only.</summary>
    public int? Percent { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public DateOnly? LiftedOn { get; private set; }
    public string? LiftedBy { get; private set; }
    public string? LiftNote { get; private set; }

    public bool IsLifted => LiftedOn is not null;

    public static Outcome<StructureSignal> Record(FacilityId facility, SignalKind? kind, DateOnly? on, int? percent, string? note,
        DateOnly today, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>();
        if (kind is null || !Enum.IsDefined(kind.Value)) problems.Add(Problem.Of("signal-kind", "Kind"));
        if (on is null) problems.Add(Problem.Of("required", "On"));
        else if (on > today) problems.Add(Problem.Of("signal-date-future", "On"));
        else if (on < today.AddYears(-3)) problems.Add(Problem.Of("signal-date-old", "On"));
        var text = CaseNotes.Clean(note);
        if (text is { Length: > MaxNoteLength }) problems.Add(Problem.Of("too-long", "Note", MaxNoteLength));
        if (kind == SignalKind.Occupancy)
        {
            if (percent is null) problems.Add(Problem.Of("signal-percent-missing", "Percent"));
            else if (percent is < 0 or > 150) problems.Add(Problem.Of("out-of-range", "Percent", 0, 150));
        }
        else if (kind is not null && (text is null || text.Length < MinNoteLength))
            problems.Add(Problem.Of("signal-note-missing", "Note", MinNoteLength));
        if (problems.Count > 0) return Outcome<StructureSignal>.Failure(problems);
        return new StructureSignal
        {
            FacilityId = facility, Kind = kind!.Value, On = on!.Value, Percent = kind == SignalKind.Occupancy ? percent : null, Note = text,
            RecordedAt = at, RecordedBy = by,
        };
    }

    /// <summary>The finding was remedied, the alert is over: lifted on a day not before it was observed nor after today, with why.</summary>
    public Outcome<bool> Lift(DateOnly? on, string? note, DateOnly today, string by)
    {
        if (IsLifted) return Problem.Of("signal-lifted", "");
        var problems = new List<Problem>();
        if (on is null) problems.Add(Problem.Of("required", "LiftOn"));
        else if (on > today) problems.Add(Problem.Of("signal-date-future", "LiftOn"));
        else if (on < On) problems.Add(Problem.Of("signal-lift-before", "LiftOn", On));
        var why = CaseNotes.Reason(note, "LiftNote", MinNoteLength, MaxNoteLength, "signal-note-missing");
        if (!why.IsSuccess) problems.AddRange(why.Problems);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        (LiftedOn, LiftedBy, LiftNote) = (on, by, why.Value);
        return true;
    }
}

public static class SignalLabels
{
    public static string Label(this SignalKind kind) => kind switch
    {
        SignalKind.PmiFinding => "Constat de contrôle PMI",
        SignalKind.FinancialAlert => "Alerte financière",
        SignalKind.Occupancy => "Taux d’occupation relevé",
        _ => kind.ToString(),
    };
}
