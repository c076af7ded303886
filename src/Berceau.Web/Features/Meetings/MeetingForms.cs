using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings;

/// <summary>A meeting as the organiser types it (text, so that what was typed is shown back with its message).</summary>
public sealed record MeetingInput
{
    public int Version { get; init; }
    public string? CommuneCode { get; init; }
    public string? Kind { get; init; }
    public string? Audience { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Organiser { get; init; }
    public string? Date { get; init; }
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }
    public string? Place { get; init; }
    public string? VideoLink { get; init; }
    public string? Capacity { get; init; }
    public string? Languages { get; init; } = "français";

    public static MeetingInput From(InfoMeeting m) => new()
    {
        Version = m.Version, CommuneCode = m.CommuneCode, Kind = m.Kind.ToString(), Audience = m.Audience.ToString(), Title = m.Title,
        Description = m.Description, Organiser = m.Organiser, Date = InputReader.Format(m.Date), StartsAt = InputReader.Format(m.StartsAt),
        EndsAt = InputReader.Format(m.EndsAt), Place = m.Place, VideoLink = m.VideoLink, Capacity = InputReader.Format(m.Capacity),
        Languages = m.Languages,
    };
}

/// <summary>
/// The organiser's side: agents and admins whose territory covers the meeting's commune create, edit, publish and cancel
/// meetings and mark who came. Every page asks <see cref="CanManageAsync"/> on GET and POST; each change is audited.
/// </summary>
public sealed class MeetingForms(BerceauDbContext db, CurrentStaff staff, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const int MinReasonLength = 5;
    public const int MaxYearsAhead = 2;

    /// <summary>Agents and admins organise the meetings of the communes their territory covers as a whole.</summary>
    public async Task<StaffMember?> OrganiserAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        return user.ManagesTerritory ? user : null;
    }

    public async Task<bool> CanManageAsync(string communeCode, CancellationToken ct) =>
        await OrganiserAsync(ct) is { } user && user.Scope.CoversCommune(communeCode);

    /// <summary>The meeting, when the signed-in organiser's territory covers it; null otherwise (the page answers 404).</summary>
    public async Task<InfoMeeting?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var meetings = tracked ? db.InfoMeetings : db.InfoMeetings.AsNoTracking();
        var meeting = await meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        return meeting is not null && await CanManageAsync(meeting.CommuneCode, ct) ? meeting : null;
    }

    public async Task<Outcome<InfoMeeting>> CreateAsync(MeetingInput input, IReadOnlySet<string> communes, CancellationToken ct)
    {
        var read = new InputReader();
        var values = Read(read, input, communes, null);
        if (read.Problems.Count > 0) return Outcome<InfoMeeting>.Failure(read.Problems);
        var meeting = new InfoMeeting
        {
            CommuneCode = values.CommuneCode, Title = values.Title, Organiser = values.Organiser, Languages = values.Languages,
            CreatedBy = staff.User.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow(),
        };
        Apply(meeting, values);
        db.InfoMeetings.Add(meeting);
        audit.Record(MeetingAudit.Created, MeetingAudit.MeetingEntity, meeting.Id.ToString(), $"{meeting.CommuneCode} {meeting.Date:yyyy-MM-dd} {meeting.Title}");
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<IReadOnlyList<Problem>> UpdateAsync(InfoMeeting meeting, MeetingInput input, IReadOnlySet<string> communes, CancellationToken ct)
    {
        if (meeting.Status == MeetingStatus.Cancelled) return [Problem.Of("reunion-not-editable", "")];
        if (meeting.Version != input.Version) return [Problem.Of("concurrency", "")];
        var read = new InputReader();
        var values = Read(read, input, communes, meeting);
        if (read.Problems.Count > 0) return read.Problems;
        var before = (meeting.Date, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.VideoLink);
        Apply(meeting, values);
        meeting.Touch();
        if (meeting.Status == MeetingStatus.Published && before != (meeting.Date, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.VideoLink))
            await TellRegistrantsAsync(meeting, MeetingEmails.Changed(meeting), MeetingEmails.ChangedKind, ct);
        audit.Record(MeetingAudit.Updated, MeetingAudit.MeetingEntity, meeting.Id.ToString(), $"{meeting.CommuneCode} {meeting.Date:yyyy-MM-dd} {meeting.Title}");
        return await SaveAsync(ct);
    }

    public async Task<IReadOnlyList<Problem>> PublishAsync(InfoMeeting meeting, int version, CancellationToken ct)
    {
        if (meeting.Version != version) return [Problem.Of("concurrency", "")];
        if (meeting.Date < ParisTime.DayOf(clock.GetUtcNow())) return [Problem.Of("reunion-past", "")];
        if (!meeting.Publish(clock.GetUtcNow())) return [Problem.Of("reunion-not-draft", "", meeting.Status.Label())];
        audit.Record(MeetingAudit.Published, MeetingAudit.MeetingEntity, meeting.Id.ToString());
        return await SaveAsync(ct);
    }

    /// <summary>Cancels the meeting and tells every registrant (outbox), in the same unit of work.</summary>
    public async Task<IReadOnlyList<Problem>> CancelAsync(InfoMeeting meeting, int version, string? reason, CancellationToken ct)
    {
        if (meeting.Version != version) return [Problem.Of("concurrency", "")];
        var text = reason?.Trim();
        if (text is null || text.Length < MinReasonLength) return [Problem.Of("reunion-cancel-reason", "Reason", MinReasonLength)];
        if (text.Length > InfoMeeting.MaxReasonLength) return [Problem.Of("too-long", "Reason", InfoMeeting.MaxReasonLength)];
        if (!meeting.Cancel(text, clock.GetUtcNow())) return [Problem.Of("reunion-not-editable", "")];
        var told = await TellRegistrantsAsync(meeting, MeetingEmails.Cancelled(meeting), MeetingEmails.CancelledKind, ct);
        audit.Record(MeetingAudit.Cancelled, MeetingAudit.MeetingEntity, meeting.Id.ToString(), $"{told} inscrit(s) prévenu(s) : {text}");
        return await SaveAsync(ct);
    }

    /// <summary>Who came: the registrations ticked present, the others absent (only active registrations of this meeting).</summary>
    public async Task MarkPresenceAsync(InfoMeeting meeting, IReadOnlyCollection<Guid> present, CancellationToken ct)
    {
        var registrations = await db.MeetingRegistrations
            .Where(r => r.MeetingId == meeting.Id && r.Status == MeetingRegistrationStatus.Registered).ToListAsync(ct);
        foreach (var r in registrations) r.MarkPresence(present.Contains(r.Id));
        audit.Record(MeetingAudit.PresenceMarked, MeetingAudit.MeetingEntity, meeting.Id.ToString(),
            $"{registrations.Count(r => r.Present == true)} présent(s) sur {registrations.Count}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Queues one message per active registration; the key holds the meeting's version, so each change is told once.</summary>
    private async Task<int> TellRegistrantsAsync(InfoMeeting meeting, OutgoingNotification what, string kind, CancellationToken ct)
    {
        var registrants = await db.MeetingRegistrations.AsNoTracking()
            .Where(r => r.MeetingId == meeting.Id && r.Status == MeetingRegistrationStatus.Registered)
            .Select(r => new { r.Id, r.Email, r.UserId }).ToListAsync(ct);
        return await notifier.QueueManyAsync([.. registrants.Select(r => (new Recipient(r.Email, r.UserId), what, $"{kind}:{r.Id}:{meeting.Version}"))], ct);
    }

    private async Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
    }

    private sealed record Values(string CommuneCode, MeetingKind Kind, MeetingAudience Audience, string Title, string? Description, string Organiser,
        DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, string? Place, string? VideoLink, int Capacity, string Languages);

    private Values Read(InputReader read, MeetingInput input, IReadOnlySet<string> communes, InfoMeeting? existing)
    {
        var today = ParisTime.DayOf(clock.GetUtcNow());
        var commune = input.CommuneCode?.Trim() ?? "";
        if (!communes.Contains(commune)) read.Add("reunion-commune", nameof(input.CommuneCode));
        MeetingKind kind = default;
        if (!Enum.TryParse(input.Kind, out kind) || !MeetingLabels.Kinds.Contains(kind)) read.Add("reunion-kind", nameof(input.Kind));
        MeetingAudience audience = default;
        if (!Enum.TryParse(input.Audience, out audience) || !MeetingLabels.Audiences.Contains(audience)) read.Add("reunion-audience", nameof(input.Audience));
        var title = read.Text(input.Title, nameof(input.Title), InfoMeeting.MaxTitleLength, required: true);
        var description = read.Text(input.Description, nameof(input.Description), InfoMeeting.MaxDescriptionLength);
        var organiser = read.Text(input.Organiser, nameof(input.Organiser), InfoMeeting.MaxOrganiserLength, required: true);
        var date = read.Date(input.Date, nameof(input.Date), required: true);
        // A meeting already in the past keeps its date when other details are corrected; a new or moved one is in the future.
        if (date is { } d && d != existing?.Date && (d < today || d > today.AddYears(MaxYearsAhead)))
            read.Add("reunion-date", nameof(input.Date), today, MaxYearsAhead);
        var starts = read.Time(input.StartsAt, nameof(input.StartsAt));
        if (string.IsNullOrWhiteSpace(input.StartsAt)) read.Add("reunion-time-required", nameof(input.StartsAt));
        var ends = read.Time(input.EndsAt, nameof(input.EndsAt));
        if (string.IsNullOrWhiteSpace(input.EndsAt)) read.Add("reunion-time-required", nameof(input.EndsAt));
        if (starts is { } s && ends is { } e && e <= s) read.Add("reunion-hours-order", nameof(input.EndsAt));
        var place = read.Text(input.Place, nameof(input.Place), InfoMeeting.MaxPlaceLength);
        var link = read.Text(input.VideoLink, nameof(input.VideoLink), InfoMeeting.MaxLinkLength);
        if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            read.Add("reunion-link-invalid", nameof(input.VideoLink));
        if (place is null && link is null) read.Add("reunion-place-required", nameof(input.Place));
        var capacity = read.Integer(input.Capacity, nameof(input.Capacity), int.MinValue, int.MaxValue);
        if (capacity is null or < 1 or > InfoMeeting.MaxCapacity) read.Add("reunion-capacity", nameof(input.Capacity), InfoMeeting.MaxCapacity);
        else if (existing is not null && capacity < existing.SeatsTaken)
            read.Add("reunion-capacity-below-taken", nameof(input.Capacity), existing.SeatsTaken);
        var languages = read.Text(input.Languages, nameof(input.Languages), InfoMeeting.MaxLanguagesLength);
        if (languages is null || InfoMeeting.SplitLanguages(languages).Count == 0) read.Add("reunion-languages-required", nameof(input.Languages));
        return new Values(commune, kind, audience, title ?? "", description, organiser ?? "", date ?? today, starts ?? default, ends ?? default,
            place, link, capacity ?? 0, languages is null ? "" : string.Join(", ", InfoMeeting.SplitLanguages(languages)));
    }

    private static void Apply(InfoMeeting m, Values v)
    {
        m.CommuneCode = v.CommuneCode;
        m.Kind = v.Kind;
        m.Audience = v.Audience;
        m.Title = v.Title;
        m.Description = v.Description;
        m.Organiser = v.Organiser;
        m.Date = v.Date;
        m.StartsAt = v.StartsAt;
        m.EndsAt = v.EndsAt;
        m.Place = v.Place;
        m.VideoLink = v.VideoLink;
        m.Capacity = v.Capacity;
        m.Languages = v.Languages;
    }
}
