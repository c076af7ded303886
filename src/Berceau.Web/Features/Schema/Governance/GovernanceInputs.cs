namespace Berceau.Web.Features.Schema.Governance;

// Forms bind text, never the entities: the handlers read each value and the domain says what is wrong, in French.

public sealed record BodyInput
{
    public int Version { get; set; }
    public string? Departement { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<string> AxisIds { get; set; } = [];
}

public sealed record BodyMemberInput
{
    public int Version { get; set; }
    public string? OrganisationId { get; set; }
    public string? Role { get; set; }
    public string? PersonName { get; set; }
    public string? Email { get; set; }
}

public sealed record RemoveMemberInput
{
    public int Version { get; set; }
    public string? MemberId { get; set; }
}

public sealed record GovernanceMeetingInput
{
    public int Version { get; set; }
    public string? Date { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    /// <summary>The « ordre du jour », one point a line, in order.</summary>
    public string? Agenda { get; set; }
}

public sealed record MeetingVersionInput
{
    public int Version { get; set; }
}

public sealed record CancelMeetingInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
}

public sealed record AttendanceInput
{
    public string? MemberId { get; set; }
    public string? Presence { get; set; }
    public string? RepresentedBy { get; set; }
}

public sealed record MinutesInput
{
    public int Version { get; set; }
    public List<AttendanceInput> Attendance { get; set; } = [];
    public string? Minutes { get; set; }
}

public sealed record DecisionInput
{
    public int Version { get; set; }
    public string? Text { get; set; }
    /// <summary>The follow-up action: an owner and a due day make one (both or neither); the title defaults to the decision.</summary>
    public string? FollowUpTitle { get; set; }
    public string? OwnerId { get; set; }
    public string? DueOn { get; set; }
    /// <summary>A fiche action of the département's schéma: the decision is added to its « état d'avancement ».</summary>
    public string? SheetId { get; set; }
    public string? SheetState { get; set; }
}

public sealed record DocumentInput
{
    public string? Title { get; set; }
}

public sealed record FollowUpReportInput
{
    public int Version { get; set; }
    public string? Status { get; set; }
    public string? Comment { get; set; }
}
