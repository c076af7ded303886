using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Features.Applications.Guichet;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.Guichet.GuichetTestData;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// An agent corrects the quotient familial of an application from its file (a mistake first, then the right value), and the
/// parent reads the correction and the next commission on the follow-up page. axe-clean at every step.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class GridCorrectionBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Agent_CorrectsTheQuotient_AndTheParentReadsWhyInTheTimeline()
    {
        await App.OnlySessionAsync(freezeInDays: 10, meetingInDays: 20);
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        var familyId = await Accounts.UserIdAsync(App, email);
        var (id, _, _) = await App.SubmittedForAsync(familyId, Bondy, Today.AddDays(-5));

        await SignInAsStaffAsync(Roles.Agent, commune: Bondy);
        await Page.GotoAsync($"/pro/demandes/{id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Corriger les réponses à la grille de points" }).ClickAsync();
        await AssertNoAxeViolationAsync("la correction des réponses à la grille");
        await Page.GetByLabel("Quotient familial CAF, en euros par mois (facultatif)").FillAsync("beaucoup");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la correction avec des erreurs");
        await Page.GetByLabel("Quotient familial CAF, en euros par mois (facultatif)").FillAsync("640");
        await Page.GetByLabel("Motif de la correction").FillAsync("Attestation CAF reçue au guichet");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la correction" }).ClickAsync();
        await Expect(Page.GetByText("Les réponses à la grille sont corrigées.")).ToBeVisibleAsync();

        await SignInAsFamilyAsync(email, password);
        await Page.GotoAsync($"/famille/demandes/{id}");
        await Expect(Page.GetByText("Réponses à la grille de points corrigées par le guichet : quotient familial – Attestation CAF reçue au guichet")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Vous pouvez modifier vos vœux jusqu’au 03/12/2026 inclus")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le suivi avec la prochaine commission et la correction");
    }
}
