using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Meetings;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Meetings.MeetingTestData;

namespace Berceau.Web.Tests.Features.Meetings;

/// <summary>Who may do what with meetings (role and territory, one's own registrations), and bad input on each form.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class MeetingAccessTests(BerceauApp app)
{
    [Fact]
    public async Task AnAgentOfAnotherCommune_FindsNoneOfTheMeetingsPages_AndChangesNothing()
    {
        var meeting = await app.MeetingAsync(publish: false);
        using var other = await app.SignedInAsync(Roles.Agent, commune: OtherCommune);
        using var owner = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var token = await Forms.AntiforgeryTokenAsync(owner, $"/pro/reunions/{meeting.Id}");
        var path = $"/pro/reunions/{meeting.Id}";

        foreach (var url in new[] { path, $"{path}/modifier", $"{path}/annuler", $"{path}/export" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        var list = await Forms.TextAsync(await other.GetAsync("/pro/reunions"));
        // The other agent's own form token, posted to the meeting's handlers.
        var otherToken = await Forms.AntiforgeryTokenAsync(other, "/pro/reunions");
        foreach (var (url, fields) in new (string, (string, string)[])[]
                 {
                     ($"{path}?handler=Publish", [("version", "0")]),
                     ($"{path}?handler=Presence", []),
                     ($"{path}/annuler", [("Input.Version", "0"), ("Input.Reason", "Annulée par un autre")]),
                     ($"{path}/modifier", [("Input.Version", "0"), ("Input.Title", "Piratée")]),
                 })
        {
            using var content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)), KeyValuePair.Create(Forms.TokenField, otherToken)]);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(url, content)).StatusCode);
        }

        Assert.DoesNotContain(meeting.Title, list);
        Assert.NotNull(token);
        var unchanged = await app.ReloadAsync(meeting.Id);
        Assert.Equal((MeetingStatus.Draft, meeting.Title, 0), (unchanged.Status, unchanged.Title, unchanged.Version));
    }

    [Fact]
    public async Task OnlyAgentsAndAdmins_Organise_ADirectorOrAFamilyIsRefused()
    {
        var meeting = await app.MeetingAsync();
        using var director = await app.SignedInAsync(Roles.Director, commune: Vaujours);
        using var committee = await app.SignedInAsync(Roles.Committee, commune: Vaujours);
        using var admin = await app.SignedInAsync(Roles.Admin, departement: "93");
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        OfferTestData.AssertForbidden(await director.GetAsync("/pro/reunions"));
        OfferTestData.AssertForbidden(await committee.GetAsync("/pro/reunions/nouvelle"));
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/pro/reunions/{meeting.Id}")).StatusCode);
        OfferTestData.AssertForbidden(await family.GetAsync("/pro/reunions"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/pro/reunions")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/famille/reunions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/pro/reunions/{meeting.Id}")).StatusCode);
    }

    [Fact]
    public async Task AFamily_NeitherSeesNorCancelsAnotherFamilysRegistration()
    {
        var meeting = await app.MeetingAsync();
        var (first, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var (second, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        AssertRedirect(await Forms.PostFormAsync(first, $"/reunions/{meeting.Id}/inscription", ("Input.Attendees", "1")));
        var registration = Assert.Single(await app.RegistrationsAsync(meeting.Id));

        var secondList = await Forms.TextAsync(await second.GetAsync("/famille/reunions"));
        using var cancel = await Forms.PostFormToAsync(second, "/famille/reunions", "/famille/reunions?handler=Cancel",
            [KeyValuePair.Create("registrationId", registration.Id.ToString())]);
        using var unknown = await Forms.PostFormToAsync(second, "/famille/reunions", "/famille/reunions?handler=Cancel",
            [KeyValuePair.Create("registrationId", Guid.NewGuid().ToString())]);

        Assert.DoesNotContain(meeting.Title, secondList);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(Assert.Single(await app.RegistrationsAsync(meeting.Id)).IsActive);
        Assert.Equal(1, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
    }

    [Fact]
    public async Task UnknownOrDraftMeetings_AreNotFound_OnEveryPublicRoute()
    {
        var draft = await app.MeetingAsync(publish: false);
        foreach (var id in new[] { draft.Id, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/reunions/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/reunions/{id}/inscription")).StatusCode);
        }
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/reunions/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task CreatingAMeeting_WithBadInput_NamesEachField_AndSavesNothing()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var before = await app.WithDbAsync(db => db.InfoMeetings.CountAsync());

        using var response = await Forms.PostFormAsync(agent, "/pro/reunions/nouvelle",
            ("Input.Title", ""), ("Input.Kind", "Concert"), ("Input.Audience", ""), ("Input.CommuneCode", OtherCommune),
            ("Input.Organiser", ""), ("Input.Date", "2020-01-01"), ("Input.StartsAt", "19:00"), ("Input.EndsAt", "18:00"),
            ("Input.Place", ""), ("Input.VideoLink", "http://visio"), ("Input.Capacity", "0"), ("Input.Languages", " , "));
        var errors = Forms.ErrorSummary(await Forms.TextAsync(response));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
        [
            "Choisissez une commune de votre territoire.",
            "Choisissez le type : réunion d’information, forum ou atelier.",
            "Choisissez le public de la réunion.",
            "Ce champ est obligatoire.",
            "Ce champ est obligatoire.",
            $"Saisissez une date entre aujourd’hui ({Today(app):dd/MM/yyyy}) et dans 2 ans, par exemple 15/01/2027.",
            "L’heure de fin doit être après l’heure de début.",
            "Saisissez le lien complet de la visioconférence, qui commence par https://.",
            "Indiquez le nombre de places, de 1 à 2000.",
            "Indiquez au moins une langue, par exemple « français ».",
        ], errors);
        Assert.Equal(before, await app.WithDbAsync(db => db.InfoMeetings.CountAsync()));
    }

    [Fact]
    public async Task Registering_WithBadInput_NamesEachField_AndTakesNoSeat()
    {
        var meeting = await app.MeetingAsync(capacity: 2);

        using var bad = await Forms.PostFormAsync(app.Client(), $"/reunions/{meeting.Id}/inscription",
            ("Input.Attendees", "0"), ("Input.Name", ""), ("Input.Email", "pas-une-adresse"), ("Input.Consent", "false"));
        using var tooMany = await Forms.PostFormAsync(app.Client(), $"/reunions/{meeting.Id}/inscription",
            ("Input.Attendees", "3"), ("Input.Name", "Awa Diallo"), ("Input.Email", NewEmail()), ("Input.Consent", "true"));

        Assert.Equal(
        [
            "Indiquez combien de personnes viendront, de 1 à 6.",
            "Saisissez vos prénom et nom.",
            "Saisissez une adresse e-mail valide, par exemple prenom.nom@commune.fr.",
            "Cochez la case pour accepter que vos nom et adresse e-mail soient gardés pour organiser la réunion.",
        ], Forms.ErrorSummary(await Forms.TextAsync(bad)));
        Assert.Equal(["Il ne reste que 2 place(s) : indiquez un nombre de personnes plus petit."], Forms.ErrorSummary(await Forms.TextAsync(tooMany)));
        Assert.Equal(0, (await app.ReloadAsync(meeting.Id)).SeatsTaken);
        Assert.Empty(await app.RegistrationsAsync(meeting.Id));
    }

    [Fact]
    public async Task CancellingOrMarkingPresence_WithBadInput_SaysWhy_AndChangesNothing()
    {
        var meeting = await app.MeetingAsync();
        AssertRedirect(await app.RegisterAnonymouslyAsync(meeting.Id, NewEmail()));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Vaujours);
        var path = $"/pro/reunions/{meeting.Id}";

        using var noReason = await Forms.PostFormAsync(agent, $"{path}/annuler", ("Input.Version", "1"), ("Input.Reason", "Non"));
        using var stale = await Forms.PostFormAsync(agent, $"{path}/annuler", ("Input.Version", "0"), ("Input.Reason", "Salle indisponible"));
        using var strangerPresent = await Forms.PostFormToAsync(agent, path, $"{path}?handler=Presence", [KeyValuePair.Create("Present", Guid.NewGuid().ToString())]);
        using var stalePublish = await Forms.PostFormToAsync(agent, path, $"{path}?handler=Publish", [KeyValuePair.Create("version", "1")]);

        Assert.Equal(["Écrivez pourquoi la réunion est annulée (au moins 5 caractères) : les inscrits le liront."], Forms.ErrorSummary(await Forms.TextAsync(noReason)));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(Forms.ErrorSummary(await Forms.TextAsync(stale))));
        Assert.Equal(["Cette valeur n’est pas reconnue."], Forms.ErrorSummary(await Forms.TextAsync(strangerPresent)));
        Assert.Equal(["Cette réunion ne peut pas être publiée : elle est « Publiée »."], Forms.ErrorSummary(await Forms.TextAsync(stalePublish)));
        var unchanged = await app.ReloadAsync(meeting.Id);
        Assert.Equal((MeetingStatus.Published, 1), (unchanged.Status, unchanged.Version));
        Assert.Null(Assert.Single(await app.RegistrationsAsync(meeting.Id)).Present);
        Assert.Empty(await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == "reunion-annulee" && m.Subject.Contains(meeting.Title)).ToListAsync()));
    }
}
