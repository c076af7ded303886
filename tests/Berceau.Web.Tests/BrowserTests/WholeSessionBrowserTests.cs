using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 6's whole session in a browser, in La Courneuve (93027): an agent prepares the session, each director declares the seats
/// of its crèche, the president freezes, runs and validates, the decisions are published, three families read theirs, one refuses,
/// the released seat goes to the next family (the job's pass, as the worker runs it), who accepts; the public statistics page
/// appears with the session's figures and its reattributions. Axe on every page visited.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WholeSessionBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private const string Commune = DeclinedOfferTests.Commune;

    /// <summary>Signs a staff member in through the real pages (code step included), after signing out whoever was.</summary>
    private async Task SignInStaffAsync(string email, string password)
    {
        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.GetByLabel("Saisissez le code de votre application d’authentification").FillAsync(Accounts.CurrentCode());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }

    private async Task SignInFamilyAsync(Family family)
    {
        await SignInAsFamilyAsync(family.Email, family.Password);
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }

    private async Task DeclareOneSeatAsync(Guid session, string email, string password, string creche)
    {
        await SignInStaffAsync(email, password);
        await Page.GotoAsync($"/pro/commissions/{session}/places");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = creche, Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la déclaration des places de " + creche);
        await Page.GetByLabel("Places à attribuer").FillAsync("1");
        await Page.GetByLabel("Libres à partir du").FillAsync("2027-01-04");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les places" }).ClickAsync();
        await Expect(Page.GetByText("Les places à attribuer ont été enregistrées.")).ToBeVisibleAsync();
    }

    private async Task OpenDecisionAsync(Family family, string expected, string what)
    {
        await Page.GotoAsync($"/famille/demandes/{family.Id}");
        await AssertNoAxeViolationAsync("la demande de " + what);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir la décision de la commission" }).ClickAsync();
        await Expect(Page.GetByText(expected).First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la décision de " + what);
    }

    private static System.Text.RegularExpressions.Regex ReofferedRow(string value) =>
        new($@"Places proposées de nouveau après un refus ou une absence de réponse</th>\s*<td[^>]*>{value}</td>");

    [Fact]
    public async Task AWholeSession_FromPreparationToReattribution_AndItsPublicStatistics_EveryPageAccessible()
    {
        await App.EnsureGridAsync(Commune);
        var a = await App.CrecheAsync("A", Commune);
        var b = await App.CrecheAsync("B", Commune);
        var high = await Scene.FamilyAsync(App, "Haute", [GuardianSituation.Employed, GuardianSituation.Employed], a, b);
        var middle = await Scene.FamilyAsync(App, "Moyenne", [GuardianSituation.Employed], a);
        var low = await Scene.FamilyAsync(App, "Basse", [GuardianSituation.JobSeeker, GuardianSituation.Other], a, b);
        await Scene.FamilyAsync(App, "Dernière", [GuardianSituation.Other, GuardianSituation.Other], a);
        var (presidentEmail, presidentPassword) = await Accounts.CreateStaffAsync(App, Roles.Committee, commune: Commune);
        var (directorA, directorAPassword) = await Accounts.CreateStaffAsync(App, Roles.Director, facility: a.Id.Value);
        var (directorB, directorBPassword) = await Accounts.CreateStaffAsync(App, Roles.Director, facility: b.Id.Value);

        // The agent prepares the session.
        var agentEmail = await SignInAsStaffAsync(Roles.Agent, commune: Commune);
        await Page.GotoAsync("/pro/commissions/nouvelle");
        await AssertNoAxeViolationAsync("le choix de la commune");
        await Page.GetByLabel("Commune", new() { Exact = true }).SelectOptionAsync(Commune);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Page.GetByLabel("Intitulé").FillAsync("Commission d’hiver 2026");
        await Page.GetByLabel("Date de gel des demandes").FillAsync("2026-11-23");
        await Page.GetByLabel("Date de la réunion").FillAsync("2026-12-01");
        await Page.GetByLabel("Adresse e-mail de la présidente ou du président").FillAsync(presidentEmail);
        // The agent sits on the commission (its secretary): the review page is for members only, and creation leads there.
        await Page.GetByLabel("Adresses e-mail des autres membres").FillAsync($"{agentEmail}\n{directorA}\n{directorB}");
        await Page.GetByLabel(a.Name, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel(b.Name, new() { Exact = true }).CheckAsync();
        await AssertNoAxeViolationAsync("la création d’une commission");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer la commission" }).ClickAsync();
        await Expect(Page.GetByText("La commission « Commission d’hiver 2026 » est créée.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la commission en préparation");
        var session = Guid.Parse(new Uri(Page.Url).AbsolutePath["/pro/commissions/".Length..]);

        // Each director declares the seat of its crèche.
        await DeclareOneSeatAsync(session, directorA, directorAPassword, a.Name);
        await DeclareOneSeatAsync(session, directorB, directorBPassword, b.Name);

        // The statistics are not public before the validation.
        var anonymous = App.Client();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/commissions/{session}/statistiques")).StatusCode);

        // The president freezes (which runs the engine), validates, publishes.
        await SignInStaffAsync(presidentEmail, presidentPassword);
        await Page.GotoAsync($"/pro/commissions/{session}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Geler les demandes" }).ClickAsync();
        // The freeze runs the engine: its first proposal is on screen at once.
        await Expect(Page.GetByText("Les demandes sont gelées : 4 demandes seront examinées. Calcul n° 1 terminé.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("score 52 pour un dernier admis à 62")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’écran d’examen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider la proposition du calcul n° 1" }).ClickAsync();
        await Expect(Page.GetByText("La proposition est validée : elle devient la décision de la commission.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la commission validée");
        await Page.GotoAsync($"/pro/commissions/{session}/publication");
        await AssertNoAxeViolationAsync("la page de publication");
        await Page.GetByLabel(ReattributionMode.Automatic.Label()).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier les décisions" }).ClickAsync();
        await Expect(Page.GetByText("Les décisions sont publiées : 2 propositions de place")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page des propositions");

        // Three families read their decision: two offers, one waiting list with its explanation. High refuses, Low accepts.
        await SignInFamilyAsync(high);
        await OpenDecisionAsync(high, "Votre réponse, au plus tard le 03/12/2026", "la famille proposée à A");
        await Page.GetByLabel("Si vous refusez, pourquoi ? (facultatif)").FillAsync("Nous déménageons.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser la place" }).ClickAsync();
        await Expect(Page.GetByText("Vous avez refusé la place. Elle sera proposée à une autre famille ; votre demande reste sur la liste d’attente.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la décision refusée");

        await SignInFamilyAsync(low);
        await OpenDecisionAsync(low, "Votre réponse, au plus tard le 03/12/2026", "la famille proposée à B");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accepter la place" }).ClickAsync();
        await Expect(Page.GetByText("Vous avez accepté la place.")).ToBeVisibleAsync();

        await SignInFamilyAsync(middle);
        await OpenDecisionAsync(middle, "votre score était de 52 ; la dernière famille admise avait 62 ; vous êtes 1re sur sa liste d’attente.", "la famille en liste d’attente");

        // Before the pass, the public page counts no seat offered again.
        Assert.Matches(ReofferedRow("0"), await (await anonymous.GetAsync($"/commissions/{session}/statistiques")).Content.ReadAsStringAsync());

        // The worker's pass offers the released seat to the next family of A's list: Middle (Low holds B and comes after).
        var pass = await App.Services.GetRequiredService<OfferJob>().RunOnceAsync();
        Assert.True(pass.Reattributed >= 1);
        await OpenDecisionAsync(middle, "Une place s’est libérée depuis", "la famille qui reçoit la place libérée");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accepter la place" }).ClickAsync();
        await Expect(Page.GetByText("Vous avez accepté la place.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la place libérée acceptée");
        var held = await App.WithDbAsync(db => db.PlaceOffers.Where(o => o.SessionId == new CommissionSessionId(session) && o.SeatKey != null)
            .Select(o => o.ApplicationId).ToListAsync());
        Assert.Equal([low.Application.Id, middle.Application.Id], held.OrderBy(id => id == low.Application.Id ? 0 : 1));

        // The president follows the offers; then anyone reads the public statistics, without an account.
        await SignInStaffAsync(presidentEmail, presidentPassword);
        await Page.GotoAsync($"/pro/commissions/{session}/propositions");
        await Expect(Page.GetByText("Moyenne Test").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les propositions après la réattribution");

        await Context.ClearCookiesAsync();
        await Page.GotoAsync($"/commissions?commune={Commune}");
        await AssertNoAxeViolationAsync("la liste publique des commissions");
        await Page.Locator($"a[href='/commissions/{session}/statistiques']").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Commission d’attribution du 01/12/2026 – La Courneuve" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Demandes examinées" })).ToContainTextAsync("moins de 5");
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Places proposées de nouveau après un refus ou une absence de réponse" })).ToContainTextAsync("moins de 5");
        await AssertNoAxeViolationAsync("les statistiques publiques");
        Assert.Empty(ScriptErrors);
        Assert.Empty(OutsideRequests);
    }

    [Fact]
    public async Task TheCommunesRuleAfterARefusal_IsReadAndSavedOnTheGuichetSettingsPage_Accessibly()
    {
        await SignInAsStaffAsync(Roles.Admin, commune: Commune);
        await Page.GotoAsync($"/pro/guichet/{Commune}");
        var keep = Page.GetByLabel(DeclinedOfferRule.KeepOnWaitlist.Label());
        await Expect(keep).ToBeCheckedAsync();
        await AssertNoAxeViolationAsync("les réglages du guichet unique");

        // Saved as it is (La Courneuve keeps the default rule for the other tests).
        await keep.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByText("après un refus ou sans réponse : la demande reste sur la liste d’attente.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les réglages enregistrés");
    }
}
