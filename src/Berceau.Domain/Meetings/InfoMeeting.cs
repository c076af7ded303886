namespace Berceau.Domain.Meetings;

/// <summary>
/// What kind of event: a réunion d’information, a forum (several stands), a workshop (small group, hands-on), or a recruitment and
/// careers event (« semaine des métiers », job dating: issue 10), which the job board lists.
/// </summary>
public enum MeetingKind { InfoSession, Forum, Workshop, Recruitment }

/// <summary>Who the event is for: parents (info meetings), professionals (recruitment of AM, issue 10), or anyone.</summary>
public enum MeetingAudience { Parents, Professionals, Everyone }

public enum MeetingStatus { Draft, Published, Cancelled }

/// <summary>
/// An information meeting, forum or workshop organised by a commune or its relais petite enfance. Drafted, then published
/// (families see it and register), or cancelled (registrants are told). Seats are counted in <see cref="SeatsTaken"/>, which
/// only the registration handler changes, in one conditional statement, so that two people never get the last seat.
/// </summary>
public sealed class InfoMeeting
{
    public const int MaxTitleLength = 150;
    public const int MaxDescriptionLength = 2000;
    public const int MaxOrganiserLength = 150;
    public const int MaxPlaceLength = 300;
    public const int MaxLinkLength = 500;
    public const int MaxLanguagesLength = 200;
    public const int MaxReasonLength = 1000;
    public const int MaxCapacity = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string CommuneCode { get; set; }
    public MeetingKind Kind { get; set; }
    public MeetingAudience Audience { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Who runs it, as families read it (« Relais petite enfance de Bondy »).</summary>
    public required string Organiser { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }
    /// <summary>The address, when people come in person.</summary>
    public string? Place { get; set; }
    /// <summary>The link to join online, when it is (also) held by video.</summary>
    public string? VideoLink { get; set; }
    public int Capacity { get; set; }
    public int SeatsTaken { get; private set; }
    /// <summary>Languages spoken, as typed, separated by commas (« français, arabe »).</summary>
    public required string Languages { get; set; }
    public MeetingStatus Status { get; private set; } = MeetingStatus.Draft;
    public string? CancellationReason { get; private set; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public int Version { get; private set; }

    public int SeatsLeft => Math.Max(0, Capacity - SeatsTaken);

    public bool IsOnline => VideoLink is not null;

    /// <summary>Open to registrations: published and not over.</summary>
    public bool IsOpenOn(DateOnly today) => Status == MeetingStatus.Published && Date >= today;

    public IReadOnlyList<string> LanguageList => SplitLanguages(Languages);

    public static IReadOnlyList<string> SplitLanguages(string languages) =>
        [.. languages.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.ToLowerInvariant()).Distinct()];

    /// <summary>Any change a staff member saves (the page has checked the version they read).</summary>
    public void Touch() => Version++;

    public bool Publish(DateTimeOffset at)
    {
        if (Status != MeetingStatus.Draft) return false;
        Status = MeetingStatus.Published;
        PublishedAt = at;
        Version++;
        return true;
    }

    public bool Cancel(string reason, DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled) return false;
        Status = MeetingStatus.Cancelled;
        CancellationReason = reason;
        CancelledAt = at;
        Version++;
        return true;
    }
}

public static class MeetingLabels
{
    public static IReadOnlyList<MeetingKind> Kinds { get; } = [MeetingKind.InfoSession, MeetingKind.Forum, MeetingKind.Workshop, MeetingKind.Recruitment];
    public static IReadOnlyList<MeetingAudience> Audiences { get; } = [MeetingAudience.Parents, MeetingAudience.Professionals, MeetingAudience.Everyone];

    public static string Label(this MeetingKind kind) => kind switch
    {
        MeetingKind.InfoSession => "Réunion d’information",
        MeetingKind.Forum => "Forum",
        MeetingKind.Workshop => "Atelier",
        MeetingKind.Recruitment => "Recrutement / métiers",
        _ => kind.ToString(),
    };

    public static string Label(this MeetingAudience audience) => audience switch
    {
        MeetingAudience.Parents => "Parents et futurs parents",
        MeetingAudience.Professionals => "Professionnels et futurs professionnels",
        MeetingAudience.Everyone => "Tout public",
        _ => audience.ToString(),
    };

    public static string Label(this MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "Brouillon",
        MeetingStatus.Published => "Publiée",
        MeetingStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };
}
