using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Features.Meetings;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Meetings.MeetingTestData;

namespace Berceau.Web.Tests.Features.Meetings;

/// <summary>Organisers publish meetings; people register (with or without an account), are reminded, and are told of a cancellation.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class MeetingTests(BerceauApp app)
{
    private static (string, string)[] Meeting(string title, string date, string capacity = "30") =>
    [
        ("Input.Title", title), ("Input.Kind", "Forum"), ("Input.Audience", "Parents"), ("Input.CommuneCode", Vaujours),
        ("Input.Organiser", "Relais petite enfance de Vaujours"), ("Input.Date", date), ("Input.StartsAt", "18:00"),
        ("Input.EndsAt", "19:30"), ("Input.Place", "Salle des fêtes"), ("Input.VideoLink", ""), ("Input.Capacity", capacity),
        ("Input.Languages", "Français, arabe"), ("Input.Description", "Présentation des modes d’accueil."),
    ];

    [Fact]
    public async Task Agent_CreatesAndPublishes_ThenAFamilyRegisters_AndTheOrganiserSeesHerOnTheAttendanceList()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var (family, familyEmail, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var title = $"Forum petite enfance {Guid.NewGuid():N}"[..30];

        using var created = await Forms.PostFormAsync(agent, "/pro/reunions/nouvelle", Meeting(title, Today(app).AddDays(20).ToString("yyyy-MM-dd")));
        AssertRedirect(created);
        var path = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(path.Split('/')[^1]);
        var draftIsPublic = await app.Client().GetAsync($"/reunions/{id}");
        using var published = await Forms.PostFormToAsync(agent, path, $"{path}?handler=Publish", [KeyValuePair.Create("version", "0")]);
        var list = await Forms.TextAsync(await app.Client().GetAsync("/reunions?Language=arabe&Kind=Forum"));
        using var registered = await Forms.PostFormAsync(family, $"/reunions/{id}/inscription", ("Input.Attendees", "2"));
        var mine = await Forms.TextAsync(await family.GetAsync("/famille/reunions"));
        var attendance = await Forms.TextAsync(await agent.GetAsync(path));

        Assert.Equal(HttpStatusCode.NotFound, draftIsPublic.StatusCode);
        AssertRedirect(published);
        Assert.Contains(title, list);
        Assert.Contains("30 places restantes", list);
        Assert.Equal("/famille/reunions", registered.Headers.Location!.OriginalString);
        Assert.Contains(title, mine);
        Assert.Contains("Inscrit, 2 personnes", mine);
        Assert.Contains(familyEmail, attendance);
        Assert.Contains("2 prise(s) sur 30", attendance);
        var meeting = await app.ReloadAsync(id);
        Assert.Equal((MeetingStatus.Published, 2, "français, arabe"), (meeting.Status, meeting.SeatsTaken, meeting.Languages));
        var mail = await Mail.SingleReceivedAsync(app, familyEmail);
        Assert.Contains(title, mail);
        Assert.Contains("/reunions/annulation?code=", mail);
        Assert.Equal([MeetingAudit.Created, "lecture", MeetingAudit.Published, "lecture"],
            await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Register_WithoutAccount_ThenTheEmailedLinkCancels_AndGivesTheSeatBack()
    {
        var meeting = await app.MeetingAsync(capacity: 3);
        var email = NewEmail();

        using var registered = await app.RegisterAnonymouslyAsync(meeting.Id, email.ToUpperInvariant(), attendees: "3");
        var full = await Forms.TextAsync(await app.Client().GetAsync($"/reunions/{meeting.Id}"));
        var link = Mail.LinkTo(await Mail.SingleReceivedAsync(app, email), "/reunions/annulation");
        var cancelPage = await Forms.TextAsync(await app.Client().GetAsync(link));
        using var cancelled = await Forms.PostFormAsync(app.Client(), link);
        var again = await Forms.TextAsync(await app.Client().GetAsync(link));
        var unknown = await app.Client().GetAsync("/reunions/annulation?code=inconnu");

        Assert.Equal($"/reunions/{meeting.Id}", registered.Headers.Location!.OriginalString);
        Assert.Contains("Complet", full);
        Assert.Contains("Awa Diallo, 3 personnes", cancelPage);
        Assert.Contains("Votre inscription est annulée", await Forms.TextAsync(cancelled));
        Assert.Contains("Cette inscription est déjà annulée", again);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
        var registration = Assert.Single(await app.RegistrationsAsync(meeting.Id));
        Assert.Equal((email, MeetingRegistrationStatus.Cancelled, (string?)null), (registration.Email, registration.Status, registration.UserId));
    }

    [Fact]
    public async Task LastSeat_AskedForByManyAtOnce_GoesToExactlyOne()
    {
        var meeting = await app.MeetingAsync(capacity: 1);
        const int people = 8;
        // Each person has read the form (token in hand) before anyone posts: the posts then race for the one seat.
        var ready = await Task.WhenAll(Enumerable.Range(0, people).Select(async _ =>
        {
            var client = app.Client();
            var token = await Forms.AntiforgeryTokenAsync(client, $"/reunions/{meeting.Id}/inscription");
            return (client, token);
        }));

        var responses = await Task.WhenAll(ready.Select(r => r.client.PostAsync($"/reunions/{meeting.Id}/inscription", new FormUrlEncodedContent(
        [
            KeyValuePair.Create("Input.Attendees", "1"), KeyValuePair.Create("Input.Name", "Parent pressé"), KeyValuePair.Create("Input.Email", NewEmail()),
            KeyValuePair.Create("Input.Consent", "true"), KeyValuePair.Create(Forms.TokenField, r.token),
        ]))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("Cette réunion est complète", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(refused))));
        Assert.Equal(1, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
        Assert.Single(await app.RegistrationsAsync(meeting.Id));
    }

    [Fact]
    public async Task Register_Twice_WithTheSameAddress_IsRefused_ButAfterCancellingWorksAgain()
    {
        var meeting = await app.MeetingAsync();
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        using var first = await Forms.PostFormAsync(family, $"/reunions/{meeting.Id}/inscription", ("Input.Attendees", "1"));
        using var second = await Forms.PostFormAsync(family, $"/reunions/{meeting.Id}/inscription", ("Input.Attendees", "1"));
        var registration = Assert.Single(await app.RegistrationsAsync(meeting.Id));
        using var cancelled = await Forms.PostFormToAsync(family, "/famille/reunions", "/famille/reunions?handler=Cancel",
            [KeyValuePair.Create("registrationId", registration.Id.ToString())]);
        using var third = await Forms.PostFormAsync(family, $"/reunions/{meeting.Id}/inscription", ("Input.Attendees", "2"));

        AssertRedirect(first);
        Assert.Contains("Vous êtes déjà inscrit", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(second))));
        AssertRedirect(cancelled);
        AssertRedirect(third);
        var renewed = Assert.Single(await app.RegistrationsAsync(meeting.Id));
        Assert.Equal((MeetingRegistrationStatus.Registered, 2), (renewed.Status, renewed.Attendees));
        Assert.Equal(2, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
    }

    [Fact]
    public async Task ReminderJob_WritesToEachRegistrantTheDayBefore_Once()
    {
        var tomorrow = await app.MeetingAsync(daysAhead: 1);
        var later = await app.MeetingAsync(daysAhead: 5);
        var (coming, gone, notYet) = (NewEmail(), NewEmail(), NewEmail());
        AssertRedirect(await app.RegisterAnonymouslyAsync(tomorrow.Id, coming, "2"));
        AssertRedirect(await app.RegisterAnonymouslyAsync(tomorrow.Id, gone));
        AssertRedirect(await app.RegisterAnonymouslyAsync(later.Id, notYet));
        var goneLink = Mail.LinkTo(await Mail.SingleReceivedAsync(app, gone), "/reunions/annulation");
        using var cancelled = await Forms.PostFormAsync(app.Client(), goneLink);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var job = app.Services.GetRequiredService<MeetingReminderJob>();

        var pass = await job.RunOnceAsync();
        var second = await job.RunOnceAsync();

        Assert.True(pass.Ran);
        Assert.True(pass.Reminded >= 1);
        Assert.Equal(0, second.Reminded);
        var reminders = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == MeetingEmails.ReminderKind)
            .Select(m => m.RecipientEmail).ToListAsync());
        Assert.Single(reminders, coming);
        Assert.DoesNotContain(gone, reminders);
        Assert.DoesNotContain(notYet, reminders);
        Assert.Contains(await Mail.ReceivedAsync(app, coming), m => m.Contains("Rappel", StringComparison.Ordinal) && m.Contains(tomorrow.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancellingTheMeeting_TellsEveryRegistrant_AndClosesRegistrations()
    {
        var meeting = await app.MeetingAsync();
        var email = NewEmail();
        AssertRedirect(await app.RegisterAnonymouslyAsync(meeting.Id, email));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);

        using var cancelled = await Forms.PostFormAsync(agent, $"/pro/reunions/{meeting.Id}/annuler",
            ("Input.Version", "1"), ("Input.Reason", "Salle indisponible, réunion reportée."));
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/reunions/{meeting.Id}"));
        var registerPage = await app.Client().GetAsync($"/reunions/{meeting.Id}/inscription");
        var list = await Forms.TextAsync(await app.Client().GetAsync("/reunions"));

        AssertRedirect(cancelled);
        Assert.Contains("Cette réunion est annulée. Motif\u00a0: Salle indisponible", page);
        Assert.Equal(HttpStatusCode.NotFound, registerPage.StatusCode);
        Assert.DoesNotContain(meeting.Title, list);
        var mails = await Mail.ReceivedAsync(app, email);
        Assert.Contains(mails, m => m.Contains("Annulation", StringComparison.Ordinal) && m.Contains("Salle indisponible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_APublishedMeetingsDate_TellsRegistrants_AndCapacityCannotFallBelowSeatsTaken()
    {
        var meeting = await app.MeetingAsync(capacity: 10);
        var email = NewEmail();
        AssertRedirect(await app.RegisterAnonymouslyAsync(meeting.Id, email, "3"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var newDate = Today(app).AddDays(12).ToString("yyyy-MM-dd");

        using var tooSmall = await Forms.PostFormAsync(agent, $"/pro/reunions/{meeting.Id}/modifier",
            [.. Meeting(meeting.Title, newDate, capacity: "2"), ("Input.Version", "1")]);
        using var moved = await Forms.PostFormAsync(agent, $"/pro/reunions/{meeting.Id}/modifier",
            [.. Meeting(meeting.Title, newDate, capacity: "10"), ("Input.Version", "1")]);

        Assert.Contains("Le nombre de places ne peut pas être inférieur aux 3 places déjà réservées.", Forms.ErrorSummary(await Forms.TextAsync(tooSmall)));
        AssertRedirect(moved);
        Assert.Equal(Today(app).AddDays(12), (await app.ReloadAsync(meeting.Id)).Date);
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains("Changement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organiser_MarksPresence_AndExportsTheListAsCsv()
    {
        var meeting = await app.MeetingAsync();
        var (came, missed) = (NewEmail(), NewEmail());
        AssertRedirect(await app.RegisterAnonymouslyAsync(meeting.Id, came, "2"));
        AssertRedirect(await app.RegisterAnonymouslyAsync(meeting.Id, missed));
        var cameId = (await app.RegistrationsAsync(meeting.Id)).Single(r => r.Email == came).Id;
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var path = $"/pro/reunions/{meeting.Id}";

        using var marked = await Forms.PostFormToAsync(agent, path, $"{path}?handler=Presence", [KeyValuePair.Create("Present", cameId.ToString())]);
        using var export = await agent.GetAsync($"{path}/export");
        var csv = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        AssertRedirect(marked);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("nom;email;personnes;inscritLe;present;compteFamille", lines[0]);
        Assert.Contains($"Awa Diallo;{came};2;2026-11-23 10:00;oui;non", lines);
        Assert.Contains($"Awa Diallo;{missed};1;2026-11-23 10:00;non;non", lines);
        Assert.Equal(3, lines.Length);
        Assert.Contains(MeetingAudit.Exported, await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == meeting.Id.ToString()).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task PublicList_FiltersByCommuneKindAndLanguage_AndLeavesOutDraftsAndPastMeetings()
    {
        var tamil = await app.MeetingAsync(languages: "français, tamoul", kind: MeetingKind.Workshop);
        var draft = await app.MeetingAsync(publish: false);
        var past = await app.MeetingAsync(daysAhead: -1);
        var elsewhere = await app.MeetingAsync(commune: OtherCommune, languages: "tamoul");

        var byLanguage = await Forms.TextAsync(await app.Client().GetAsync("/reunions?Language=tamoul&Kind=Workshop"));
        var byCommune = await Forms.TextAsync(await app.Client().GetAsync($"/reunions?Commune={Vaujours}&Language=tamoul"));
        var all = await Forms.TextAsync(await app.Client().GetAsync("/reunions?Kind=nimportequoi"));

        Assert.Contains(tamil.Title, byLanguage);
        Assert.DoesNotContain(elsewhere.Title, byLanguage);
        Assert.Contains(tamil.Title, byCommune);
        Assert.DoesNotContain(elsewhere.Title, byCommune);
        Assert.Contains(tamil.Title, all);
        Assert.DoesNotContain(draft.Title, all);
        Assert.DoesNotContain(past.Title, all);
    }

    [Fact]
    public async Task SolutionsLetter_ListsTheNextOpenMeetingsForParentsOfTheFamilysCommune()
    {
        var soon = await app.MeetingAsync(daysAhead: 3, title: $"Bientôt {Guid.NewGuid():N}"[..20]);
        var full = await app.MeetingAsync(daysAhead: 2, capacity: 1);
        AssertRedirect(await app.RegisterAnonymouslyAsync(full.Id, NewEmail()));
        var application = new Application { Reference = "TEST-REUNION", CommuneCode = Vaujours, CreatedAt = BerceauApp.Now };

        SolutionsSection? section = null;
        await app.WithScopeAsync(async services =>
        {
            var source = services.GetServices<ISolutionsSource>().OfType<MeetingSolutionsSource>().Single();
            section = await source.FindAsync(new SolutionsNeed(application, Today(app)), default);
        });

        Assert.NotNull(section);
        Assert.Equal("Prochaines réunions d’information", section.Heading);
        Assert.Contains(section.Items, i => i.Title == soon.Title && i.Link == $"/reunions/{soon.Id}");
        Assert.DoesNotContain(section.Items, i => i.Title == full.Title);
    }
}
