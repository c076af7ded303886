using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.Meetings;
using Berceau.Web.Tests.Features.Meetings;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.SolutionGaps;

/// <summary>Info meetings: the waiting list of a full meeting (atomic, in order, told), and the purge of old registrations.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class MeetingGapsTests(BerceauApp app)
{
    private const string Commune = GapsTestData.Commune;

    private static string RegisterUrl(Guid meeting) => $"/reunions/{meeting}/inscription";

    private static Task<HttpResponseMessage> WaitAnonymouslyAsync(HttpClient client, Guid meeting, string email, string attendees = "1") =>
        Forms.PostFormAsync(client, RegisterUrl(meeting),
            ("Input.Attendees", attendees), ("Input.Name", "Parent en attente"), ("Input.Email", email), ("Input.Consent", "true"), ("Input.Waitlist", "true"));

    private static Task<HttpResponseMessage> CancelAsFamilyAsync(HttpClient family, Guid registration) =>
        Forms.PostFormToAsync(family, MeetingsFeature.FamilyPath, MeetingsFeature.FamilyPath + "?handler=Cancel",
            [KeyValuePair.Create("registrationId", registration.ToString())]);

    private async Task<(HttpClient Client, Guid Registration)> RegisteredFamilyAsync(Guid meeting)
    {
        var (family, _, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        using var response = await Forms.PostFormAsync(family, RegisterUrl(meeting), ("Input.Attendees", "1"));
        MeetingTestData.AssertRedirect(response);
        var id = await app.WithDbAsync(db => db.MeetingRegistrations.Where(r => r.MeetingId == meeting && r.UserId == userId).Select(r => r.Id).SingleAsync());
        return (family, id);
    }

    private Task<MeetingRegistration> ByEmailAsync(Guid meeting, string email) =>
        app.WithDbAsync(db => db.MeetingRegistrations.AsNoTracking().SingleAsync(r => r.MeetingId == meeting && r.Email == email));

    [Fact]
    public async Task AFullMeeting_PutsWhoAsksOnTheWaitingList_AndAFreedSeatGoesToTheFirst_WhoIsTold()
    {
        var meeting = await app.MeetingAsync(capacity: 1, commune: Commune);
        var (holder, holderRegistration) = await RegisteredFamilyAsync(meeting.Id);
        var (first, second) = (MeetingTestData.NewEmail(), MeetingTestData.NewEmail());

        var detailsWhenFull = await Forms.TextAsync(await app.Client().GetAsync($"/reunions/{meeting.Id}"));
        var formWhenFull = await Forms.TextAsync(await app.Client().GetAsync(RegisterUrl(meeting.Id)));
        using var refused = await app.RegisterAnonymouslyAsync(meeting.Id, first);
        using var waiting1 = await WaitAnonymouslyAsync(app.Client(), meeting.Id, first);
        using var waiting2 = await WaitAnonymouslyAsync(app.Client(), meeting.Id, second);
        var beforeFirst = await ByEmailAsync(meeting.Id, first);
        var beforeSecond = await ByEmailAsync(meeting.Id, second);
        using var cancelled = await CancelAsFamilyAsync(holder, holderRegistration);

        Assert.Contains("liste d’attente", detailsWhenFull);
        Assert.Contains("name=\"Input.Waitlist\"", formWhenFull);
        Assert.Contains("Cette réunion est complète", Assert.Single(await Forms.ErrorSummaryAsync(refused)));
        MeetingTestData.AssertRedirect(waiting1);
        MeetingTestData.AssertRedirect(waiting2);
        Assert.Equal((MeetingRegistrationStatus.Waiting, 1), (beforeFirst.Status, beforeFirst.WaitingOrder!.Value));
        Assert.Equal((MeetingRegistrationStatus.Waiting, 2), (beforeSecond.Status, beforeSecond.WaitingOrder!.Value));
        MeetingTestData.AssertRedirect(cancelled);
        Assert.Equal(MeetingRegistrationStatus.Registered, (await ByEmailAsync(meeting.Id, first)).Status);
        Assert.Equal(MeetingRegistrationStatus.Waiting, (await ByEmailAsync(meeting.Id, second)).Status);
        Assert.Equal(1, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
        var mails = await Mail.ReceivedAsync(app, first);
        Assert.Contains(mails, m => m.Contains("vous êtes sur la liste d’attente", StringComparison.Ordinal));
        var freed = Assert.Single(mails, m => m.Contains("Une place s’est libérée", StringComparison.Ordinal));
        // The new link cancels the registration, and the seat goes on to the second.
        var link = Mail.LinkTo(freed, MeetingsFeature.CancelPath);
        using var byLink = await Forms.PostFormAsync(app.Client(), link);
        Assert.Equal(MeetingRegistrationStatus.Cancelled, (await ByEmailAsync(meeting.Id, first)).Status);
        Assert.Equal(MeetingRegistrationStatus.Registered, (await ByEmailAsync(meeting.Id, second)).Status);
        Assert.Equal(1, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
    }

    [Fact]
    public async Task LeavingTheWaitingList_GivesNoSeatBack_AndIsNotPromotedLater()
    {
        var meeting = await app.MeetingAsync(capacity: 1, commune: Commune);
        var (holder, holderRegistration) = await RegisteredFamilyAsync(meeting.Id);
        var (waiter, _, waiterId) = await Accounts.SignInAsNewFamilyAsync(app);
        using var waiting = await Forms.PostFormAsync(waiter, RegisterUrl(meeting.Id), ("Input.Attendees", "1"), ("Input.Waitlist", "true"));
        var waiterRegistration = await app.WithDbAsync(db => db.MeetingRegistrations.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id && r.UserId == waiterId));
        var familyPage = await Forms.TextAsync(await waiter.GetAsync(MeetingsFeature.FamilyPath));

        using var left = await CancelAsFamilyAsync(waiter, waiterRegistration.Id);
        var seatsAfterLeaving = (await app.ReloadAsync(meeting.Id)).SeatsTaken;
        using var freed = await CancelAsFamilyAsync(holder, holderRegistration);

        Assert.Equal(MeetingRegistrationStatus.Waiting, waiterRegistration.Status);
        Assert.Contains("Sur liste d’attente", familyPage);
        Assert.Equal(1, seatsAfterLeaving);
        Assert.Equal(MeetingRegistrationStatus.Cancelled, (await app.WithDbAsync(db => db.MeetingRegistrations.AsNoTracking().SingleAsync(r => r.Id == waiterRegistration.Id))).Status);
        Assert.Equal(0, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
    }

    [Fact]
    public async Task TheWaitingList_RefusesBadInput_AndDoubles_AndIsNotUsedWhileSeatsRemain()
    {
        var meeting = await app.MeetingAsync(capacity: 1, commune: Commune);
        var open = await app.MeetingAsync(capacity: 5, commune: Commune);
        await RegisteredFamilyAsync(meeting.Id);
        var email = MeetingTestData.NewEmail();

        using var badCount = await WaitAnonymouslyAsync(app.Client(), meeting.Id, email, attendees: "0");
        using var noConsent = await Forms.PostFormAsync(app.Client(), RegisterUrl(meeting.Id),
            ("Input.Attendees", "1"), ("Input.Name", "Sans accord"), ("Input.Email", email), ("Input.Waitlist", "true"));
        var nothing = await app.RegistrationsAsync(meeting.Id);
        using var waiting = await WaitAnonymouslyAsync(app.Client(), meeting.Id, email);
        using var twice = await WaitAnonymouslyAsync(app.Client(), meeting.Id, email);
        using var notFull = await WaitAnonymouslyAsync(app.Client(), open.Id, email);

        Assert.Single(await Forms.ErrorSummaryAsync(badCount));
        Assert.Single(await Forms.ErrorSummaryAsync(noConsent));
        Assert.Single(nothing);
        MeetingTestData.AssertRedirect(waiting);
        Assert.Contains("déjà inscrit", Assert.Single(await Forms.ErrorSummaryAsync(twice)));
        Assert.Equal(2, (await app.RegistrationsAsync(meeting.Id)).Count);
        MeetingTestData.AssertRedirect(notFull);
        Assert.Equal(MeetingRegistrationStatus.Registered, (await ByEmailAsync(open.Id, email)).Status);
    }

    [Fact]
    public async Task FreedSeats_AtTheSameInstantAsNewRequests_GoToTheWaitingList_InOrder_NeverBeyondCapacity()
    {
        var meeting = await app.MeetingAsync(capacity: 2, commune: Commune);
        var a = await RegisteredFamilyAsync(meeting.Id);
        var b = await RegisteredFamilyAsync(meeting.Id);
        var waiters = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = MeetingTestData.NewEmail();
            using var response = await WaitAnonymouslyAsync(app.Client(), meeting.Id, email);
            MeetingTestData.AssertRedirect(response);
            waiters.Add(email);
        }
        // Everyone has the form in hand before anyone posts: two cancellations and two new requests race.
        var cancelTokens = await Task.WhenAll(new[] { a, b }.Select(async x => (x.Client, x.Registration, Token: await Forms.AntiforgeryTokenAsync(x.Client, MeetingsFeature.FamilyPath))));
        var newcomers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var client = app.Client();
            return (Client: client, Email: MeetingTestData.NewEmail(), Token: await Forms.AntiforgeryTokenAsync(client, RegisterUrl(meeting.Id)));
        }));

        var posts = cancelTokens.Select(c => c.Client.PostAsync(MeetingsFeature.FamilyPath + "?handler=Cancel", new FormUrlEncodedContent(
                [KeyValuePair.Create("registrationId", c.Registration.ToString()), KeyValuePair.Create(Forms.TokenField, c.Token)])))
            .Concat(newcomers.Select(n => n.Client.PostAsync(RegisterUrl(meeting.Id), new FormUrlEncodedContent(
            [
                KeyValuePair.Create("Input.Attendees", "1"), KeyValuePair.Create("Input.Name", "Parent pressé"), KeyValuePair.Create("Input.Email", n.Email),
                KeyValuePair.Create("Input.Consent", "true"), KeyValuePair.Create("Input.Waitlist", "true"), KeyValuePair.Create(Forms.TokenField, n.Token),
            ]))));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var registrations = await app.RegistrationsAsync(meeting.Id);
        var registered = registrations.Where(r => r.Status == MeetingRegistrationStatus.Registered).ToList();
        Assert.Equal(2, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
        Assert.Equal(2, registered.Sum(r => r.Attendees));
        // The first two who waited got the seats; the third and the newcomers wait.
        Assert.Equal(waiters.Take(2).Order(), registered.Select(r => r.Email).Order());
        Assert.Equal(new[] { waiters[2] }.Concat(newcomers.Select(n => n.Email)).Order(),
            registrations.Where(r => r.Status == MeetingRegistrationStatus.Waiting).Select(r => r.Email).Order());
    }

    [Fact]
    public async Task TheOrganiser_SeesTheWaitingList()
    {
        var meeting = await app.MeetingAsync(capacity: 1, commune: Commune);
        await RegisteredFamilyAsync(meeting.Id);
        var email = MeetingTestData.NewEmail();
        using var waiting = await WaitAnonymouslyAsync(app.Client(), meeting.Id, email);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);
        using var otherAgent = await app.SignedInAsync(Roles.Agent, commune: GapsTestData.OtherCommune);

        var page = await Forms.TextAsync(await agent.GetAsync($"{MeetingsFeature.StaffPath}/{meeting.Id}"));
        using var byOther = await otherAgent.GetAsync($"{MeetingsFeature.StaffPath}/{meeting.Id}");

        Assert.Contains("Liste d’attente", page);
        Assert.Contains(email, page);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
    }

    [Fact]
    public async Task ThePurge_ErasesNamesAndAddresses_MonthsAfterTheMeeting_AndKeepsTheCounts()
    {
        var old = await app.MeetingAsync(commune: Commune, daysAhead: -400);
        var recent = await app.MeetingAsync(commune: Commune, daysAhead: -300);
        var oldEmail = MeetingTestData.NewEmail();
        var recentEmail = MeetingTestData.NewEmail();
        await app.WithDbAsync(db =>
        {
            var kept = MeetingRegistration.New(old.Id, null, "Awa Diallo", oldEmail, 3, Guid.NewGuid().ToString("N"), BerceauApp.Now.AddDays(-420));
            kept.MarkPresence(true);
            db.MeetingRegistrations.Add(kept);
            db.MeetingRegistrations.Add(MeetingRegistration.New(old.Id, null, "Léo Martin", MeetingTestData.NewEmail(), 1, Guid.NewGuid().ToString("N"), BerceauApp.Now.AddDays(-420)));
            db.MeetingRegistrations.Add(MeetingRegistration.New(recent.Id, null, "Inès Benali", recentEmail, 2, Guid.NewGuid().ToString("N"), BerceauApp.Now.AddDays(-320)));
            return db.SaveChangesAsync();
        });
        var job = app.Services.GetRequiredService<MeetingReminderJob>();

        var pass = await job.RunOnceAsync();
        var again = await job.RunOnceAsync();

        var olds = await app.RegistrationsAsync(old.Id);
        Assert.All(olds, r => Assert.Equal(("", true, (string?)null), (r.Name, r.PurgedAt is not null, r.UserId)));
        Assert.DoesNotContain(olds, r => r.Email.Contains('@'));
        Assert.Equal((4, true), (olds.Sum(r => r.Attendees), olds.Any(r => r.Present == true)));
        var recentOne = Assert.Single(await app.RegistrationsAsync(recent.Id));
        Assert.Equal(("Inès Benali", recentEmail, (DateTimeOffset?)null), (recentOne.Name, recentOne.Email, recentOne.PurgedAt));
        Assert.True(pass.Ran);
        Assert.True(pass.Purged >= 2);
        Assert.Equal(0, again.Purged);
    }
}
