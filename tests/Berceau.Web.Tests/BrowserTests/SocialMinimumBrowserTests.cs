using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// An agent corrects the minimum-social answer of an application from its file (a missing reason first, then right), and the
/// parent reads the correction in the timeline. axe-clean at every step. In 93061.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class SocialMinimumBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private const string Commune = "93061";

    [Fact]
    public async Task Agent_CorrectsTheMinimumSocial_AndTheParentReadsWhyInTheTimeline()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        var familyId = await Accounts.UserIdAsync(App, email);
        var (id, _, _) = await App.SubmittedForAsync(familyId, Commune, Today.AddDays(-5));

        await SignInAsStaffAsync(Roles.Agent, commune: Commune);
        await Page.GotoAsync($"/pro/demandes/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Corriger la réponse sur le minimum social" }).ClickAsync();
        await AssertNoAxeViolationAsync("la correction du minimum social");
        await Page.GetByLabel("Oui, un membre du foyer touche un minimum social").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToContainTextAsync("Indiquez pourquoi la réponse est corrigée");
        await AssertNoAxeViolationAsync("la correction sans motif");
        await Page.GetByLabel("Motif de la correction").FillAsync("Attestation CAF du RSA reçue au guichet");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        await Expect(Page.GetByText("La réponse sur le minimum social est corrigée.")).ToBeVisibleAsync();

        await SignInAsFamilyAsync(email, password);
        await Page.GotoAsync($"/famille/demandes/{id}");
        await Expect(Page.GetByText("Minimum social dans le foyer corrigé par le guichet : oui – Attestation CAF du RSA reçue au guichet")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le suivi avec la correction du minimum social");
    }
}
