using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>The president freezes, runs, reads the proposal, forces a placement with a reason and reads the diff. Axe on each page.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CommissionBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ThePresident_FreezesRunsOverridesAndComparesRuns_EveryPageAccessible()
    {
        await App.EnsureGridAsync();
        var a = await App.CrecheAsync("A");
        var b = await App.CrecheAsync("B");
        await App.CompleteAsync("Haute", new(2026, 9, 1), [GuardianSituation.Employed, GuardianSituation.Employed], a, b);
        var middle = await App.CompleteAsync("Moyenne", new(2026, 9, 1), [GuardianSituation.Employed], a);
        await App.CompleteAsync("Basse", new(2026, 9, 1), [GuardianSituation.JobSeeker, GuardianSituation.Other], a, b);
        var presidentEmail = await SignInAsStaffAsync(Roles.Committee, commune: Commune);
        var (agent, _) = await App.StaffAsync(Roles.Agent);
        var session = await App.CreateSessionAsync(agent, presidentEmail, [], a, b);
        await DeclareAsync(agent, session, (a, 1), (b, 1));

        await Page.GotoAsync("/pro/commissions");
        await AssertNoAxeViolationAsync("la liste des commissions");
        // Other tests' sessions of the commune have the same title: open this one by its address.
        await Page.Locator($"a[href='/pro/commissions/{session}']").ClickAsync();
        await AssertNoAxeViolationAsync("la commission en préparation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Geler les demandes" }).ClickAsync();
        // The freeze runs the engine: its first proposal is on screen at once.
        await Expect(Page.GetByText("Les demandes sont gelées : 3 demandes seront examinées. Calcul n° 1 terminé.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("score 52 pour un dernier admis à 62")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’écran d’examen");

        await Page.GetByLabel("Demande", new() { Exact = true }).SelectOptionAsync(middle.Reference);
        await Page.GetByLabel("Placer d’office dans une section").CheckAsync();
        await Page.GetByLabel("Structure ou section").SelectOptionAsync($"{a.Id}:{a.Sections[0].Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision et relancer le calcul" }).ClickAsync();
        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Écrivez le motif de cette décision");
        await AssertNoAxeViolationAsync("la décision sans motif");
        await Page.GetByLabel("Motif").FillAsync("Situation d’urgence signalée par la PMI");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision et relancer le calcul" }).ClickAsync();
        await Expect(Page.GetByText("La décision est enregistrée ; calcul n° 2 terminé.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Placée d’office").First).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Écarts avec le calcul n° 1" }).ClickAsync();
        await Expect(Page.GetByText("Situation d’urgence signalée par la PMI")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les écarts entre deux calculs");
    }
}
