using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Meetings;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings;

public sealed record PublicMeetingFilter(string? Commune, MeetingKind? Kind, string? Language);

/// <summary>A registration as the attendance list shows it.</summary>
public sealed record AttendanceRow(Guid Id, string Name, string Email, int Attendees, DateTimeOffset RegisteredAt, bool? Present, bool HasAccount);

/// <summary>Reads of meetings: the public list, a family's registrations, an organiser's attendance list.</summary>
public sealed class MeetingQueries(BerceauDbContext db, TimeProvider clock)
{
    public const int MaxListed = 100;

    public DateOnly Today => ParisTime.DayOf(clock.GetUtcNow());

    /// <summary>Published meetings from today on, soonest first; the language filter reads the comma-separated list.</summary>
    public async Task<IReadOnlyList<InfoMeeting>> UpcomingAsync(PublicMeetingFilter filter, CancellationToken ct)
    {
        var today = Today;
        var query = db.InfoMeetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Published && m.Date >= today);
        if (!string.IsNullOrEmpty(filter.Commune)) query = query.Where(m => m.CommuneCode == filter.Commune);
        if (filter.Kind is { } kind) query = query.Where(m => m.Kind == kind);
        var meetings = await query.OrderBy(m => m.Date).ThenBy(m => m.StartsAt).ToListAsync(ct);
        if (!string.IsNullOrEmpty(filter.Language))
            meetings = [.. meetings.Where(m => m.LanguageList.Contains(filter.Language, StringComparer.OrdinalIgnoreCase))];
        return [.. meetings.Take(MaxListed)];
    }

    /// <summary>The communes and languages of the upcoming meetings, for the filters of the public list.</summary>
    public async Task<(IReadOnlyList<(string Code, string Name)> Communes, IReadOnlyList<string> Languages)> FilterChoicesAsync(CancellationToken ct)
    {
        var today = Today;
        var upcoming = await db.InfoMeetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Published && m.Date >= today)
            .Select(m => new { m.CommuneCode, m.Languages }).ToListAsync(ct);
        var codes = upcoming.Select(m => m.CommuneCode).Distinct().ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        var languages = upcoming.SelectMany(m => InfoMeeting.SplitLanguages(m.Languages)).Distinct().Order(StringComparer.Create(MeetingText.French, true)).ToList();
        return ([.. communes.Select(c => (c.Code, c.Name))], languages);
    }

    public async Task<IReadOnlyDictionary<string, string>> CommuneNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct().ToList();
        return await db.Communes.AsNoTracking().Where(c => list.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }

    /// <summary>The communes a staff scope covers as a whole, by name: where its organisers may hold meetings.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesAsync(TerritoryScope scope, CancellationToken ct)
    {
        var all = await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. all.Where(c => scope.CoversCommune(c.Code)).Select(c => (c.Code, c.Name))];
    }

    /// <summary>The meetings of the given communes: upcoming ones soonest first, then past ones latest first.</summary>
    public async Task<IReadOnlyList<InfoMeeting>> OfCommunesAsync(IReadOnlyCollection<string> communes, CancellationToken ct)
    {
        var today = Today;
        var codes = communes.ToList();
        var upcoming = await db.InfoMeetings.AsNoTracking().Where(m => codes.Contains(m.CommuneCode) && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.StartsAt).Take(MaxListed).ToListAsync(ct);
        var past = await db.InfoMeetings.AsNoTracking().Where(m => codes.Contains(m.CommuneCode) && m.Date < today)
            .OrderByDescending(m => m.Date).Take(MaxListed).ToListAsync(ct);
        return [.. upcoming, .. past];
    }

    /// <summary>The waiting list of a meeting, in its order.</summary>
    public async Task<IReadOnlyList<AttendanceRow>> WaitingAsync(Guid meetingId, CancellationToken ct) =>
        await db.MeetingRegistrations.AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.Status == MeetingRegistrationStatus.Waiting)
            .OrderBy(r => r.WaitingOrder).ThenBy(r => r.CreatedAt)
            .Select(r => new AttendanceRow(r.Id, r.Name, r.Email, r.Attendees, r.CreatedAt, r.Present, r.UserId != null))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(Guid meetingId, CancellationToken ct)
    {
        var rows = await db.MeetingRegistrations.AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.Status == MeetingRegistrationStatus.Registered)
            .Select(r => new AttendanceRow(r.Id, r.Name, r.Email, r.Attendees, r.CreatedAt, r.Present, r.UserId != null))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Create(MeetingText.French, true))];
    }
}
