using System.Text;
using System.Text.RegularExpressions;
using Berceau.Domain.Governance;
using Berceau.Web.Features.Schema.Governance;
using Berceau.Web.Tests.Features.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Governance.GovernanceTestData;

namespace Berceau.Web.Tests.Features.Governance;

/// <summary>
/// Invitations, updates, cancellations and reminders go through the outbox, one message per member's address, each with its
/// iCalendar file; the transport sends the file as a MIME attachment; the reminder goes once, even with two workers at once.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class GovernanceMailTests(BerceauApp app)
{
    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, Guid meeting, int version) =>
        Forms.PostFormToAsync(client, MeetingPath(meeting), $"{MeetingPath(meeting)}?handler=Invite", [KeyValuePair.Create("Invitation.Version", version.ToString())]);

    [Fact]
    public async Task Invitations_GoToEveryMembersAddress_WithAnIcs_UpdatedWhenTheMeetingMoves_AndCancelled()
    {
        var t = await app.BodyAsync(laterDays: 20);
        var (linkedEmail, _) = await Accounts.CreateStaffAsync(app, Domain.Access.Roles.Partner);
        await app.LinkAsync(t.B, linkedEmail);
        using var secretariat = await app.SecretariatAsync();

        SchemaTestData.AssertRedirect(await InviteAsync(secretariat, t.Later.Id, 0));
        var invitations = await app.MessagesAsync(t.Later.Id);
        Assert.Equal(new[] { t.EmailA, linkedEmail }.Order(StringComparer.OrdinalIgnoreCase), invitations.Select(m => m.RecipientEmail).Order(StringComparer.OrdinalIgnoreCase));
        foreach (var message in invitations)
        {
            Assert.Equal(GovernanceMail.InvitationKind, message.Kind);
            Assert.StartsWith("Invitation : ", message.Subject, StringComparison.Ordinal);
            var file = Assert.Single(message.Attachments);
            Assert.Equal(("invitation.ics", "text/calendar; method=REQUEST; charset=UTF-8"), (file.FileName, file.ContentType));
            var ics = Calendar(message);
            Assert.Contains("\r\nMETHOD:REQUEST\r\n", ics);
            Assert.Contains($"\r\nUID:{t.Later.Id:N}@berceau.instances\r\n", ics);
            Assert.Contains("\r\nSEQUENCE:0\r\n", ics);
            Assert.Contains($"mailto:{message.RecipientEmail}\r\n", ics.Replace("\r\n ", "", StringComparison.Ordinal));
        }
        // 14:00 in Paris in winter is 13:00 UTC.
        Assert.Contains($"\r\nDTSTART:{t.Later.Date:yyyyMMdd}T130000Z\r\n", Calendar(invitations[0]));

        // Sending again invites nobody twice.
        SchemaTestData.AssertRedirect(await InviteAsync(secretariat, t.Later.Id, 1));
        Assert.Equal(2, (await app.MessagesAsync(t.Later.Id)).Count);

        // Moving the meeting sends the update (same UID, next SEQUENCE); changing only the agenda does not.
        SchemaTestData.AssertRedirect(await Forms.PostFormAsync(secretariat, $"{MeetingPath(t.Later.Id)}/modifier", ("Input.Version", "1"),
            ("Input.Date", t.Later.Date.ToString("yyyy-MM-dd")), ("Input.StartsAt", "14:00"), ("Input.EndsAt", "16:00"),
            ("Input.VideoLink", "https://visio.example/cdsf"), ("Input.Agenda", "Point d’étape\nAjout")));
        Assert.Equal(2, (await app.MessagesAsync(t.Later.Id)).Count);
        SchemaTestData.AssertRedirect(await Forms.PostFormAsync(secretariat, $"{MeetingPath(t.Later.Id)}/modifier", ("Input.Version", "2"),
            ("Input.Date", t.Later.Date.ToString("yyyy-MM-dd")), ("Input.StartsAt", "15:00"), ("Input.EndsAt", "17:00"),
            ("Input.VideoLink", "https://visio.example/cdsf"), ("Input.Agenda", "Point d’étape\nAjout")));
        var updates = (await app.MessagesAsync(t.Later.Id)).Skip(2).ToList();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, m => Assert.StartsWith("Réunion modifiée : ", m.Subject, StringComparison.Ordinal));
        Assert.All(updates, m => Assert.Contains("\r\nSEQUENCE:1\r\n", Calendar(m)));
        Assert.All(updates, m => Assert.Contains($"\r\nDTSTART:{t.Later.Date:yyyyMMdd}T140000Z\r\n", Calendar(m)));

        SchemaTestData.AssertRedirect(await Forms.PostFormToAsync(secretariat, MeetingPath(t.Later.Id), $"{MeetingPath(t.Later.Id)}?handler=Cancel",
            [KeyValuePair.Create("Cancellation.Version", "4"), KeyValuePair.Create("Cancellation.Reason", "Quorum impossible à réunir")]));
        var cancellations = (await app.MessagesAsync(t.Later.Id)).Skip(4).ToList();
        Assert.Equal(2, cancellations.Count);
        Assert.All(cancellations, m =>
        {
            Assert.Equal(GovernanceMail.CancellationKind, m.Kind);
            Assert.Equal("text/calendar; method=CANCEL; charset=UTF-8", Assert.Single(m.Attachments).ContentType);
            var ics = Calendar(m);
            Assert.Contains("\r\nMETHOD:CANCEL\r\n", ics);
            Assert.Contains("\r\nSEQUENCE:2\r\n", ics);
            Assert.Contains("\r\nSTATUS:CANCELLED\r\n", ics);
            Assert.Contains("Quorum impossible à réunir", m.TextBody);
        });
        Assert.Equal(["invitations à une réunion d’instance", "invitations à une réunion d’instance",
            "réunion d’instance modifiée", "réunion d’instance modifiée", "réunion d’instance annulée"], await app.AuditAsync(t.Later.Id));
    }

    [Fact]
    public async Task TheTransport_SendsTheIcsAsAMimeAttachment()
    {
        var t = await app.BodyAsync(laterDays: 21);
        using var secretariat = await app.SecretariatAsync();
        SchemaTestData.AssertRedirect(await InviteAsync(secretariat, t.Later.Id, 0));
        var message = Assert.Single(await app.MessagesAsync(t.Later.Id));

        await Mail.DispatchAsync(app);
        var raw = await File.ReadAllTextAsync(Path.Combine(app.MailFolder, Berceau.Web.Features.Notifications.PickupDirectoryTransport.FileName(message.Id)));
        // Header lines may be folded (CRLF then white space): unfolded before matching.
        var eml = Regex.Replace(raw, "\r\n[ \t]+", " ");
        Assert.Matches(new Regex($@"^To: {Regex.Escape(t.EmailA)}\r?$", RegexOptions.Multiline), eml);
        // The parameters' order is the mail library's: each is checked.
        var type = Regex.Match(eml, @"^Content-Type: text/calendar;(?<parameters>.*?)\r?$", RegexOptions.Multiline);
        Assert.True(type.Success, eml);
        var parameters = type.Groups["parameters"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(["charset=UTF-8", "method=REQUEST", "name=invitation.ics"], parameters);
        Assert.Matches(new Regex(@"^Content-Disposition: attachment; filename=""?invitation\.ics""?\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase), eml);
        Assert.Matches(new Regex(@"^Content-Transfer-Encoding: base64\r?$", RegexOptions.Multiline), eml);
        // The attachment's body, base64 up to the next boundary, is the calendar the outbox holds.
        var part = eml[eml.IndexOf("Content-Disposition: attachment", StringComparison.Ordinal)..];
        var start = part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var base64 = part[start..part.IndexOf("\r\n--", start, StringComparison.Ordinal)];
        Assert.Equal(Calendar(message), Encoding.UTF8.GetString(Convert.FromBase64String(base64.Replace("\r\n", "", StringComparison.Ordinal))));
        Assert.Contains("Invitation", Mail.Decode(eml));
    }

    [Fact]
    public async Task TheReminder_GoesOnce_DaysBefore_EvenWithTwoWorkersAtOnce()
    {
        var t = await app.BodyAsync(laterDays: 2);
        var far = await app.BodyAsync(laterDays: 9);
        using var secretariat = await app.SecretariatAsync();
        SchemaTestData.AssertRedirect(await InviteAsync(secretariat, t.Later.Id, 0));
        SchemaTestData.AssertRedirect(await InviteAsync(secretariat, far.Later.Id, 0));
        var job = app.Services.GetRequiredService<GovernanceReminderJob>();

        var passes = await Task.WhenAll(job.RunOnceAsync(), job.RunOnceAsync());
        await job.RunOnceAsync();

        Assert.Contains(passes, p => p.Ran);
        var reminders = (await app.MessagesAsync(t.Later.Id)).Where(m => m.Kind == GovernanceMail.ReminderKind).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(t.EmailA, reminder.RecipientEmail);
        Assert.StartsWith("Rappel : ", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("\r\nMETHOD:REQUEST\r\n", Calendar(reminder));
        // Nine days ahead is beyond the reminder's delay (3 days by default); the meeting of today was never invited.
        Assert.DoesNotContain((await app.MessagesAsync(far.Later.Id)), m => m.Kind == GovernanceMail.ReminderKind);
        Assert.Empty(await app.MessagesAsync(t.Today.Id));
    }
}
