using System.Net;
using Berceau.Domain.Meetings;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Meetings;

/// <summary>
/// Data of the meetings' tests, all in Vaujours (93074). « Another commune » is 93059 (Pierrefitte-sur-Seine), which the demo
/// seed does not hold: an agent granted it covers none of Vaujours, which is all the territory tests need.
/// </summary>
internal static class MeetingTestData
{
    public const string Vaujours = "93074";
    public const string OtherCommune = "93059";

    public static DateOnly Today(BerceauApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A meeting saved straight in the database (published unless told otherwise), <paramref name="daysAhead"/> days from now.</summary>
    public static async Task<InfoMeeting> MeetingAsync(this BerceauApp app, int capacity = 20, int daysAhead = 10, bool publish = true,
        string commune = Vaujours, string languages = "français", MeetingKind kind = MeetingKind.InfoSession, string? title = null)
    {
        var meeting = new InfoMeeting
        {
            CommuneCode = commune, Kind = kind, Audience = MeetingAudience.Parents,
            Title = title ?? $"Réunion test {Guid.NewGuid():N}"[..24], Organiser = "Relais petite enfance de Vaujours",
            Date = Today(app).AddDays(daysAhead), StartsAt = new TimeOnly(18, 0), EndsAt = new TimeOnly(19, 30),
            Place = "Salle des fêtes, 2 place de la République", Capacity = capacity, Languages = languages,
            CreatedBy = "test", CreatedAt = BerceauApp.Now,
        };
        if (publish) meeting.Publish(BerceauApp.Now);
        await app.WithDbAsync(async db =>
        {
            db.InfoMeetings.Add(meeting);
            return await db.SaveChangesAsync();
        });
        return meeting;
    }

    public static Task<InfoMeeting> ReloadAsync(this BerceauApp app, Guid id) =>
        app.WithDbAsync(db => db.InfoMeetings.AsNoTracking().FirstAsync(m => m.Id == id));

    public static Task<List<MeetingRegistration>> RegistrationsAsync(this BerceauApp app, Guid meetingId) =>
        app.WithDbAsync(db => db.MeetingRegistrations.AsNoTracking().Where(r => r.MeetingId == meetingId).ToListAsync());

    public static string NewEmail() => $"parent.{Guid.NewGuid():N}@test.berceau.fr";

    /// <summary>Registers without an account (name, e-mail, consent).</summary>
    public static Task<HttpResponseMessage> RegisterAnonymouslyAsync(this BerceauApp app, Guid meetingId, string email, string attendees = "1") =>
        Forms.PostFormAsync(app.Client(), $"/reunions/{meetingId}/inscription",
            ("Input.Attendees", attendees), ("Input.Name", "Awa Diallo"), ("Input.Email", email), ("Input.Consent", "true"));

    public static void AssertRedirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Redirection attendue, reçu {(int)response.StatusCode}");
}
