using Berceau.Domain.Common;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Commission;

public readonly record struct CommissionSessionId(Guid Value)
{
    public static CommissionSessionId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>A staff user sitting in the session.</summary>
public sealed record CommissionMember(string UserId, CommissionRole Role)
{
    /// <summary>Whether they attended the meeting (for the minutes); null until the attendance is recorded.</summary>
    public bool? Present { get; init; }
}

/// <summary>
/// Seats a director offers to the session in one section of a structure, free from <see cref="AvailableOn"/>. One declaration per
/// section: a new one replaces it, until the freeze.
/// </summary>
public sealed class SeatDeclaration
{
    public required FacilityId FacilityId { get; init; }
    public required Guid SectionId { get; init; }
    public int Seats { get; set; }
    public DateOnly AvailableOn { get; set; }
    public required string DeclaredBy { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
}

/// <summary>What a session is created with (members are added by <see cref="CommissionSession.SetMembers"/>).</summary>
public sealed record CommissionSessionDraft(
    string CommuneCode, IReadOnlyList<FacilityId> Facilities, string? Title, DateOnly? MeetingDate, DateOnly? FreezeDate);

/// <summary>
/// One sitting of a commune's commission d'attribution (RULES §5): its scope (a commune, optionally some of its structures), its
/// dates, its members, the seats directors offer, and its status. Every change goes through a verb that checks the status, so a
/// frozen session cannot get new seats, and only its president validates.
/// </summary>
public sealed class CommissionSession
{
    public const int MaxTitleLength = 120;

    public CommissionSessionId Id { get; init; } = CommissionSessionId.New();
    public required string CommuneCode { get; init; }
    /// <summary>The structures of the commune the session allocates; empty means all of them.</summary>
    public List<FacilityId> Facilities { get; init; } = [];
    public required string Title { get; init; }
    public DateOnly MeetingDate { get; init; }
    /// <summary>Gel des demandes: the applications complete on that day are the ones examined; the grid in force that day scores them.</summary>
    public DateOnly FreezeDate { get; init; }
    public List<CommissionMember> Members { get; init; } = [];
    public List<SeatDeclaration> Seats { get; init; } = [];
    public CommissionStatus Status { get; private set; } = CommissionStatus.Preparation;
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? FrozenAt { get; private set; }
    public string? FrozenBy { get; private set; }
    public DateTimeOffset? ValidatedAt { get; private set; }
    public string? ValidatedBy { get; private set; }
    /// <summary>The run the president validated: the decisions are read from it.</summary>
    public Guid? ValidatedRunId { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledBy { get; private set; }
    /// <summary>Why the session was called off, as written by who did it (shown on the session and in the audit log).</summary>
    public string? CancellationReason { get; private set; }
    /// <summary>Optimistic concurrency: incremented at every change.</summary>
    public int Version { get; set; }

    public const int DefaultOfferDays = 10;
    public const int MaxOfferDays = 60;
    /// <summary>Days a family has to answer an offer, counted from the day it is made (publication or reattribution).</summary>
    public int OfferDays { get; private set; } = DefaultOfferDays;
    /// <summary>How seats released after the publication are offered again (docs/commission.md, « La réattribution »).</summary>
    public ReattributionMode Reattribution { get; private set; } = ReattributionMode.Automatic;
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }

    public static Outcome<CommissionSession> Create(CommissionSessionDraft draft, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>();
        var title = draft.Title?.Trim();
        if (string.IsNullOrEmpty(title)) problems.Add(Problem.Of("commission-title-required", "Title"));
        else if (title.Length > MaxTitleLength) problems.Add(Problem.Of("too-long", "Title", MaxTitleLength));
        if (draft.MeetingDate is null) problems.Add(Problem.Of("commission-meeting-required", "MeetingDate"));
        if (draft.FreezeDate is null) problems.Add(Problem.Of("commission-freeze-required", "FreezeDate"));
        if (draft.MeetingDate is { } meeting && draft.FreezeDate is { } freeze && freeze > meeting)
            problems.Add(Problem.Of("commission-freeze-after-meeting", "FreezeDate", meeting));
        if (problems.Count > 0) return Outcome<CommissionSession>.Failure(problems);
        return new CommissionSession
        {
            CommuneCode = draft.CommuneCode,
            Facilities = [.. draft.Facilities.Distinct()],
            Title = title!,
            MeetingDate = draft.MeetingDate!.Value,
            FreezeDate = draft.FreezeDate!.Value,
            CreatedAt = at,
            CreatedBy = by,
        };
    }

    /// <summary>True when the structure is in the session's scope: its commune, and one of the chosen structures if some were.</summary>
    public bool Covers(FacilityId facility, string communeCode) =>
        communeCode == CommuneCode && (Facilities.Count == 0 || Facilities.Contains(facility));

    public CommissionMember? MemberOf(string userId) => Members.FirstOrDefault(m => m.UserId == userId);

    public bool IsPresident(string userId) => MemberOf(userId)?.Role == CommissionRole.President;

    /// <summary>Replaces the members, while the session is prepared: exactly one president, nobody twice.</summary>
    public Outcome<bool> SetMembers(IReadOnlyList<CommissionMember> members)
    {
        if (Status != CommissionStatus.Preparation) return Problem.Of("commission-not-in-preparation", "", Status.Label());
        if (members.Count(m => m.Role == CommissionRole.President) != 1) return Problem.Of("commission-one-president", "Members");
        if (members.Select(m => m.UserId).Distinct().Count() != members.Count) return Problem.Of("commission-member-twice", "Members");
        Members.Clear();
        Members.AddRange(members);
        Version++;
        return true;
    }

    /// <summary>
    /// A director offers <paramref name="seats"/> seats of a section, free from <paramref name="availableOn"/>; replaces the
    /// section's previous declaration. The caller checks that the director may speak for the structure (territory); the session
    /// checks that the structure is in its scope, the section is the structure's, and the freeze has not happened.
    /// <paramref name="frozenPlaces"/> are the section's places gelées faute de personnel on <paramref name="availableOn"/>
    /// (RULES §8): a director cannot offer more seats than the places open that day.
    /// </summary>
    public Outcome<SeatDeclaration> DeclareSeats(Facility facility, Guid sectionId, int seats, DateOnly availableOn,
        DateOnly today, DateTimeOffset at, string by, int frozenPlaces = 0)
    {
        if (Status != CommissionStatus.Preparation || today > FreezeDate)
            return Problem.Of("commission-seats-closed", "", FreezeDate);
        if (!Covers(facility.Id, facility.CommuneCode)) return Problem.Of("commission-facility-out-of-scope", "FacilityId", facility.Name);
        var section = facility.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return Problem.Of("commission-section-unknown", "SectionId");
        if (seats < 0 || seats > section.Places) return Problem.Of("commission-seats-range", "Seats", section.Name, section.Places);
        var frozen = Math.Clamp(frozenPlaces, 0, section.Places);
        if (seats > section.Places - frozen)
            return Problem.Of("commission-seats-open-range", "Seats", section.Name, section.Places - frozen, frozen, availableOn);
        if (availableOn < FreezeDate) return Problem.Of("commission-seats-before-freeze", "AvailableOn", FreezeDate);

        var declaration = Seats.FirstOrDefault(s => s.SectionId == sectionId);
        if (declaration is null)
        {
            declaration = new SeatDeclaration { FacilityId = facility.Id, SectionId = sectionId, DeclaredBy = by };
            Seats.Add(declaration);
        }
        declaration.Seats = seats;
        declaration.AvailableOn = availableOn;
        declaration.DeclaredBy = by;
        declaration.DeclaredAt = at;
        Version++;
        return declaration;
    }

    /// <summary>
    /// Gel des demandes: from now on the applications examined and the seats offered no longer change. Only on or after the
    /// freeze date, with members and at least one seat. The caller snapshots the applications in the same unit of work.
    /// </summary>
    public Outcome<bool> Freeze(DateOnly today, DateTimeOffset at, string by)
    {
        var moved = Check(CommissionStatus.Frozen);
        if (!moved.IsSuccess) return moved;
        if (today < FreezeDate) return Problem.Of("commission-freeze-too-early", "", FreezeDate);
        if (Members.Count == 0) return Problem.Of("commission-one-president", "Members");
        if (Seats.Sum(s => s.Seats) == 0) return Problem.Of("commission-no-seat", "");
        Status = CommissionStatus.Frozen;
        (FrozenAt, FrozenBy) = (at, by);
        Version++;
        return true;
    }

    /// <summary>The president, and only them, validates the proposal of one of the session's runs.</summary>
    public Outcome<bool> Validate(Guid runId, DateTimeOffset at, string by)
    {
        var moved = Check(CommissionStatus.Validated);
        if (!moved.IsSuccess) return moved;
        if (!IsPresident(by)) return Problem.Of("commission-president-only", "");
        Status = CommissionStatus.Validated;
        (ValidatedAt, ValidatedBy, ValidatedRunId) = (at, by, runId);
        Version++;
        return true;
    }

    /// <summary>Decisions sent to the families (the publication itself is another feature's business).</summary>
    public Outcome<bool> MarkPublished()
    {
        var moved = Check(CommissionStatus.Published);
        if (!moved.IsSuccess) return moved;
        Status = CommissionStatus.Published;
        Version++;
        return true;
    }

    /// <summary>
    /// Calls the session off, before its validation, with a written reason. The caller puts the applications the freeze moved
    /// « en commission » back where they were, in the same unit of work.
    /// </summary>
    public Outcome<bool> Cancel(string? reason, DateTimeOffset at, string by)
    {
        var moved = Check(CommissionStatus.Cancelled);
        if (!moved.IsSuccess) return moved;
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length < CommissionOverride.MinReasonLength)
            return Problem.Of("commission-cancel-reason", "Reason", CommissionOverride.MinReasonLength);
        if (why.Length > CommissionOverride.MaxReasonLength) return Problem.Of("too-long", "Reason", CommissionOverride.MaxReasonLength);
        Status = CommissionStatus.Cancelled;
        (CancelledAt, CancelledBy, CancellationReason) = (at, by, why);
        Version++;
        return true;
    }

    /// <summary>
    /// Records who attended the meeting, for the minutes: the members listed are present, the others absent. The meeting sits on
    /// frozen applications, so from the freeze until the publication; at least one member was there.
    /// </summary>
    public Outcome<bool> RecordAttendance(IReadOnlyCollection<string> present)
    {
        if (Status is not (CommissionStatus.Frozen or CommissionStatus.Validated))
            return Problem.Of("commission-attendance-closed", "", Status.Label());
        if (present.Any(id => MemberOf(id) is null)) return Problem.Of("commission-attendance-unknown", "Present");
        if (present.Count == 0) return Problem.Of("commission-attendance-empty", "Present");
        var marked = Members.Select(m => m with { Present = present.Contains(m.UserId) }).ToList();
        Members.Clear();
        Members.AddRange(marked);
        Version++;
        return true;
    }

    /// <summary>
    /// Publication: the decisions of the validated run are sent to the families, who have <paramref name="offerDays"/> days to
    /// answer an offer; released seats are then offered again as <paramref name="mode"/> says. The caller checks who publishes
    /// (the president, or an agent of the territory) and creates the offers in the same unit of work.
    /// </summary>
    public Outcome<bool> Publish(int offerDays, ReattributionMode mode, DateTimeOffset at, string by)
    {
        if (offerDays < 1 || offerDays > MaxOfferDays) return Problem.Of("commission-offer-days", "OfferDays", MaxOfferDays);
        if (ValidatedRunId is null) return Problem.Of("commission-move-refused", "", Status.Label(), CommissionStatus.Published.Label());
        var moved = MarkPublished();
        if (!moved.IsSuccess) return moved;
        (OfferDays, Reattribution, PublishedAt, PublishedBy) = (offerDays, mode, at, by);
        return true;
    }

    /// <summary>The mode of reattribution may change after the publication too (an agent takes over when the job should not).</summary>
    public Outcome<bool> ChangeReattribution(ReattributionMode mode)
    {
        if (Status is not (CommissionStatus.Validated or CommissionStatus.Published))
            return Problem.Of("commission-not-validated", "", Status.Label());
        Reattribution = mode;
        Version++;
        return true;
    }

    /// <summary>Runs and overrides happen between the freeze and the validation only.</summary>
    public bool AcceptsRuns => Status == CommissionStatus.Frozen;

    private Outcome<bool> Check(CommissionStatus to) =>
        CommissionStatuses.CanMove(Status, to) ? true : Problem.Of("commission-move-refused", "", Status.Label(), to.Label());
}
