using Berceau.Domain.Common;

namespace Berceau.Domain.Governance;

/// <summary>When and where, as the secretariat types it (Paris time): a place, a visio link (https), or both.</summary>
public sealed record MeetingSlot(DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, string? Place, string? VideoLink);

/// <summary>Who came, for one member of the instance.</summary>
public sealed record AttendanceLine(Guid MemberId, Presence Presence, string? RepresentedBy);

/// <summary>
/// A meeting of an instance: its day and hours (Paris), place and/or visio link, ordered agenda, status (prévue, tenue,
/// annulée), who came, the « compte rendu » and the decisions taken. <see cref="Sequence"/> is the iCalendar SEQUENCE: it grows
/// each time the day, the hours or the place change and at cancellation, so that calendars replace the invitation they hold;
/// <see cref="InvitedSequence"/> is the sequence the members were last invited with. Attendance, minutes and decisions belong to
/// a meeting that has begun (its day has come), and make it « tenue ».
/// </summary>
public sealed class GovernanceMeeting
{
    public const int MaxPlaceLength = 300;
    public const int MaxLinkLength = 500;
    public const int MaxAgendaItems = 30;
    public const int MaxAgendaItemLength = 300;
    public const int MaxMinutesLength = 20_000;
    public const int MaxReasonLength = 1000;
    public const int MinReasonLength = 5;
    public const int MaxRepresentedByLength = 150;
    public const int MaxYearsAhead = 2;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid BodyId { get; init; }
    public DateOnly Date { get; private set; }
    public TimeOnly StartsAt { get; private set; }
    public TimeOnly EndsAt { get; private set; }
    public string? Place { get; private set; }
    public string? VideoLink { get; private set; }
    public GovernanceMeetingStatus Status { get; private set; } = GovernanceMeetingStatus.Planned;
    public string? CancellationReason { get; private set; }
    public int Sequence { get; private set; }
    public int? InvitedSequence { get; private set; }
    public string? Minutes { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<AgendaItem> Agenda { get; init; } = [];
    public List<MeetingAttendance> Attendance { get; init; } = [];
    public List<MeetingDecision> Decisions { get; init; } = [];
    public int Version { get; set; }

    public bool IsCancelled => Status == GovernanceMeetingStatus.Cancelled;

    /// <summary>Whether the invitations the members hold are not the latest (never sent, or sent before a change).</summary>
    public bool InvitationsOutdated => InvitedSequence != Sequence;

    public static Outcome<GovernanceMeeting> Schedule(Guid body, MeetingSlot? slot, IReadOnlyList<string> agenda, DateOnly today, DateTimeOffset at)
    {
        var meeting = new GovernanceMeeting { BodyId = body, CreatedAt = at };
        var problems = SlotProblems(slot, today, null).Concat(AgendaProblems(agenda)).ToList();
        if (problems.Count > 0) return Outcome<GovernanceMeeting>.Failure(problems);
        meeting.Apply(slot!);
        meeting.SetAgenda(agenda);
        return meeting;
    }

    /// <summary>
    /// A meeting already held, transcribed from its documents (the support of the session: day, hours, place, agenda) when an
    /// instance's history is brought in: its day is not after <paramref name="today"/>, and it is « tenue » at once. Nothing else
    /// is assumed: attendance, minutes and decisions stay empty unless the documents give them (then recorded with the usual verbs).
    /// </summary>
    public static Outcome<GovernanceMeeting> Transcribe(Guid body, MeetingSlot? slot, IReadOnlyList<string> agenda, DateOnly today, DateTimeOffset at)
    {
        var problems = SlotProblems(slot, slot?.Date ?? today, null).Concat(AgendaProblems(agenda)).ToList();
        if (slot is not null && slot.Date > today) problems.Add(Problem.Of("gov-meeting-not-yet", "Date", slot.Date));
        if (problems.Count > 0) return Outcome<GovernanceMeeting>.Failure(problems);
        var meeting = new GovernanceMeeting { BodyId = body, CreatedAt = at, Status = GovernanceMeetingStatus.Held };
        meeting.Apply(slot!);
        meeting.SetAgenda(agenda);
        return meeting;
    }

    /// <summary>
    /// Changes the day, hours, place and agenda of a meeting not cancelled. A new day is not in the past; a meeting already held
    /// keeps its day. The iCalendar sequence grows only when what a calendar shows changes (day, hours, place, link).
    /// </summary>
    public Outcome<bool> Reschedule(MeetingSlot? slot, IReadOnlyList<string> agenda, DateOnly today)
    {
        if (IsCancelled) return Problem.Of("gov-meeting-cancelled", "");
        var problems = SlotProblems(slot, today, this).Concat(AgendaProblems(agenda)).ToList();
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        var before = new MeetingSlot(Date, StartsAt, EndsAt, Place, VideoLink);
        Apply(slot!);
        if (before != new MeetingSlot(Date, StartsAt, EndsAt, Place, VideoLink)) Sequence++;
        SetAgenda(agenda);
        Version++;
        return true;
    }

    public Outcome<bool> Cancel(string? reason)
    {
        if (IsCancelled) return Problem.Of("gov-meeting-cancelled", "");
        if (Status == GovernanceMeetingStatus.Held) return Problem.Of("gov-meeting-held", "");
        var text = GovernanceText.Clean(reason);
        if (text is null || text.Length < MinReasonLength) return Problem.Of("gov-cancel-reason", "Reason", MinReasonLength);
        if (text.Length > MaxReasonLength) return Problem.Of("too-long", "Reason", MaxReasonLength);
        Status = GovernanceMeetingStatus.Cancelled;
        CancellationReason = text;
        Sequence++;
        Version++;
        return true;
    }

    /// <summary>Records that the members hold the invitation of the current sequence.</summary>
    public void MarkInvited()
    {
        if (InvitedSequence == Sequence) return;
        InvitedSequence = Sequence;
        Version++;
    }

    /// <summary>
    /// Who came, for members of the instance only (<paramref name="members"/>); a line replaces the member's previous one. Only
    /// a present member may not be « représenté·e » (a representative stands in for someone who is not there).
    /// </summary>
    public Outcome<bool> RecordAttendance(IReadOnlyList<AttendanceLine> lines, IReadOnlyCollection<Guid> members, string? minutes, DateOnly today)
    {
        var problems = new List<Problem>(HeldProblems(today));
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!members.Contains(line.MemberId)) problems.Add(Problem.Of("unknown-value", $"Attendance[{i}].Presence"));
            var by = GovernanceText.Clean(line.RepresentedBy);
            if (by is { Length: > MaxRepresentedByLength }) problems.Add(Problem.Of("too-long", $"Attendance[{i}].RepresentedBy", MaxRepresentedByLength));
            else if (by is not null && line.Presence == Presence.Present) problems.Add(Problem.Of("gov-represented-present", $"Attendance[{i}].RepresentedBy"));
        }
        var text = GovernanceText.Clean(minutes);
        if (text is { Length: > MaxMinutesLength }) problems.Add(Problem.Of("too-long", "Minutes", MaxMinutesLength));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        foreach (var line in lines)
        {
            Attendance.RemoveAll(a => a.MemberId == line.MemberId);
            Attendance.Add(new MeetingAttendance { MeetingId = Id, MemberId = line.MemberId, Presence = line.Presence, RepresentedBy = GovernanceText.Clean(line.RepresentedBy) });
        }
        Minutes = text;
        Status = GovernanceMeetingStatus.Held;
        Version++;
        return true;
    }

    /// <summary>A decision of the meeting, numbered in the order taken (1, 2…).</summary>
    public Outcome<MeetingDecision> Decide(string? text, DateOnly today, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>(HeldProblems(today));
        var decision = GovernanceText.Clean(text);
        if (decision is null || decision.Length < MeetingDecision.MinTextLength) problems.Add(Problem.Of("gov-decision-text", "Text", MeetingDecision.MinTextLength));
        else if (decision.Length > MeetingDecision.MaxTextLength) problems.Add(Problem.Of("too-long", "Text", MeetingDecision.MaxTextLength));
        if (problems.Count > 0) return Outcome<MeetingDecision>.Failure(problems);
        var added = new MeetingDecision
        {
            MeetingId = Id, Number = Decisions.Select(d => d.Number).DefaultIfEmpty(0).Max() + 1, Text = decision!, At = at, By = by,
        };
        Decisions.Add(added);
        Status = GovernanceMeetingStatus.Held;
        Version++;
        return added;
    }

    private IEnumerable<Problem> HeldProblems(DateOnly today)
    {
        if (IsCancelled) yield return Problem.Of("gov-meeting-cancelled", "");
        else if (Date > today) yield return Problem.Of("gov-meeting-not-yet", "", Date);
    }

    private void Apply(MeetingSlot slot)
    {
        Date = slot.Date;
        StartsAt = slot.StartsAt;
        EndsAt = slot.EndsAt;
        Place = GovernanceText.Clean(slot.Place);
        VideoLink = GovernanceText.Clean(slot.VideoLink);
    }

    private void SetAgenda(IReadOnlyList<string> agenda)
    {
        var items = agenda.Select(GovernanceText.Clean).OfType<string>().ToList();
        Agenda.Clear();
        for (var i = 0; i < items.Count; i++) Agenda.Add(new AgendaItem { MeetingId = Id, Position = i + 1, Title = items[i] });
    }

    private static List<Problem> SlotProblems(MeetingSlot? slot, DateOnly today, GovernanceMeeting? existing)
    {
        var problems = new List<Problem>();
        if (slot is null) return [Problem.Of("required", "Date")];
        // A meeting already held keeps its day when its details are corrected; a new or moved one is not in the past.
        if (slot.Date != existing?.Date && (slot.Date < today || slot.Date > today.AddYears(MaxYearsAhead)))
            problems.Add(Problem.Of("reunion-date", "Date", today, MaxYearsAhead));
        if (slot.EndsAt <= slot.StartsAt) problems.Add(Problem.Of("reunion-hours-order", "EndsAt"));
        var place = GovernanceText.Clean(slot.Place);
        var link = GovernanceText.Clean(slot.VideoLink);
        if (place is { Length: > MaxPlaceLength }) problems.Add(Problem.Of("too-long", "Place", MaxPlaceLength));
        if (link is { Length: > MaxLinkLength }) problems.Add(Problem.Of("too-long", "VideoLink", MaxLinkLength));
        else if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            problems.Add(Problem.Of("reunion-link-invalid", "VideoLink"));
        if (place is null && link is null) problems.Add(Problem.Of("reunion-place-required", "Place"));
        return problems;
    }

    private static List<Problem> AgendaProblems(IReadOnlyList<string> agenda)
    {
        var items = agenda.Select(GovernanceText.Clean).OfType<string>().ToList();
        var problems = new List<Problem>();
        if (items.Count == 0) problems.Add(Problem.Of("gov-agenda-required", "Agenda"));
        else if (items.Count > MaxAgendaItems) problems.Add(Problem.Of("gov-agenda-too-long", "Agenda", MaxAgendaItems));
        else if (items.Any(i => i.Length > MaxAgendaItemLength)) problems.Add(Problem.Of("gov-agenda-item-too-long", "Agenda", MaxAgendaItemLength));
        return problems;
    }
}

/// <summary>A point of the « ordre du jour », in order.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public int Position { get; init; }
    public required string Title { get; init; }
}

public sealed class MeetingAttendance
{
    public Guid MeetingId { get; init; }
    public Guid MemberId { get; init; }
    public Presence Presence { get; init; }
    /// <summary>Who stood in for an absent or excused member (« représenté·e par »), as written.</summary>
    public string? RepresentedBy { get; init; }
}

/// <summary>A decision (« relevé de décisions »); a follow-up action may carry it out (<see cref="DecisionFollowUp"/>).</summary>
public sealed class MeetingDecision
{
    public const int MinTextLength = 5;
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public int Number { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
}

/// <summary>
/// A document of a meeting (support de présentation, compte rendu signé, note…), stored in the database like the pièces
/// justificatives and with their checks (PDF, PNG or JPEG read from the bytes, 5 Mo at most). Separate from the meeting, so that
/// reading a meeting never loads files.
/// </summary>
public sealed class MeetingDocument
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid MeetingId { get; init; }
    public required string Title { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public int Size { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}
