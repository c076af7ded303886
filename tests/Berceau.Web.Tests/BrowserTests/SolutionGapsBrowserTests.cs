using Berceau.Domain.Access;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Features.FollowUp;
using Berceau.Web.Tests.Features.Meetings;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.OccasionalCare.OccasionalTestData;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The pages added to close issue 7's gaps, visited as their users do, axe-clean: a commune's free-cancellation delay, the crèche
/// cancelling a booking (refused without a reason, then done), a « solutions » letter kept as sent, a full meeting's waiting list
/// (the public form and the organiser's list). Data in Dugny (93030), like the gap tests.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class SolutionGapsBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private const string Commune = Features.SolutionGaps.GapsTestData.Commune;

    [Fact]
    public async Task CancellationDelay_AndTheCrecheCancellingABooking_AreUsableAndAccessible()
    {
        var facility = await CrecheAsync(App, commune: Commune, prefix: "Crèche navigateur annule");
        using var director = await DirectorAsync(App, facility);
        var slot = await PublishAsync(App, director, facility, Tomorrow, places: 1);
        var (family, _, _, childId) = await FamilyAsync(App, commune: Commune);
        var booking = IdFrom(await BookAsync(family, slot, childId));

        await SignInAsStaffAsync(Roles.Agent, commune: Commune);
        await Page.GotoAsync($"{Staff}/reglages/{Commune}");
        await AssertNoAxeViolationAsync("le délai d’annulation gratuite de la commune");

        await Page.GotoAsync($"{Staff}/reservations/{booking}/annuler");
        await AssertNoAxeViolationAsync("l’annulation d’une réservation par la crèche");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Annuler la réservation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’annulation refusée sans motif");
        await Page.GetByLabel("Motif de l’annulation").FillAsync("Fermeture exceptionnelle de la section");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Annuler la réservation" }).ClickAsync();
        await Expect(Page.GetByText("Annulée par la crèche (non facturée)").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les réservations du jour après l’annulation");
    }

    [Fact]
    public async Task SentLetter_AndAFullMeetingsWaitingList_AreAccessible()
    {
        var caseId = await App.CaseAsync(await App.ApplicationAsync(null, commune: Commune), commune: Commune);
        await SignInAsStaffAsync(Roles.Agent, commune: Commune);
        await Page.GotoAsync(FollowUpFeature.LetterPath(caseId));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Noter le courrier imprimé remis à la famille" }).ClickAsync();
        var letter = await App.WithDbAsync(db => db.SentLetters.AsNoTracking().Where(l => l.CaseId == new FollowUpCaseId(caseId)).Select(l => l.Id).SingleAsync());
        await Page.GotoAsync(FollowUpFeature.SentLetterPath(caseId, letter));
        await Expect(Page.GetByText("Vous cherchez un accueil").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("un courrier « solutions » envoyé");

        var meeting = await App.MeetingAsync(capacity: 1, commune: Commune);
        using (var first = await App.RegisterAnonymouslyAsync(meeting.Id, MeetingTestData.NewEmail()))
            MeetingTestData.AssertRedirect(first);
        using (var waiting = await Forms.PostFormAsync(App.Client(), $"/reunions/{meeting.Id}/inscription", ("Input.Attendees", "1"),
                   ("Input.Name", "Parent en attente"), ("Input.Email", MeetingTestData.NewEmail()), ("Input.Consent", "true"), ("Input.Waitlist", "true")))
            MeetingTestData.AssertRedirect(waiting);
        await Page.GotoAsync($"/reunions/{meeting.Id}/inscription");
        await Expect(Page.GetByText("liste d’attente").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’inscription à une réunion complète (liste d’attente)");
        await Page.GotoAsync($"/pro/reunions/{meeting.Id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Liste d’attente" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réunion de l’organisateur et sa liste d’attente");
    }
}
