using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 9, commune obligations end to end: a commune's agent records its schéma pluriannuel (refused while a D214-10-1 element is
/// missing), attaches the délibération, and the commune reads compliant on its page. Axe-clean on every page. Its commune,
/// Noisy-le-Grand (93051), is used by no other obligations test.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class ObligationsBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private const string Commune = "93051";

    [Fact]
    public async Task AnAgent_RecordsItsPlan_AttachesTheDeliberation_AndSeesTheCommunesObligations()
    {
        await SignInAsStaffAsync(Roles.Agent, commune: Commune);
        await Page.GotoAsync("/pro");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Obligations des communes" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Obligations des communes", Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les obligations des communes");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Noisy-le-Grand" }).ClickAsync();
        await Expect(Page.GetByText("0 sur 4 remplie.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les obligations d’une commune");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Mettre à jour : Schéma pluriannuel de maintien et de développement de l’offre" }).ClickAsync();
        await AssertNoAxeViolationAsync("le formulaire d’une obligation");
        await Page.GetByLabel("Remplie").CheckAsync();
        await Page.GetByLabel("Date d’adoption par le conseil municipal").FillAsync("2025-06-30");
        foreach (var item in new[] { "Diagnostic de l’offre et des besoins", "Besoins à couvrir", "Objectifs de maintien et de développement de l’offre", "Actions à mener", "Calendrier", "Coûts et financements", "Accessibilité de l’offre (familles en insertion, enfants en situation de handicap)" })
            await Page.GetByLabel(item).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la situation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il manque : modalités d’évaluation." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la situation refusée (élément manquant)");

        await Page.GetByLabel("Modalités d’évaluation").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la situation" }).ClickAsync();
        await Expect(Page.GetByText("La situation est enregistrée.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("1 sur 4 remplie.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Mettre à jour : Schéma pluriannuel de maintien et de développement de l’offre" }).ClickAsync();
        await Page.GetByLabel("Titre du document").FillAsync("Délibération du 30 juin 2025");
        await Page.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload { Name = "deliberation.pdf", MimeType = "application/pdf", Buffer = ProofFiles.Pdf() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();
        await Expect(Page.GetByText("Le document est ajouté.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Délibération du 30 juin 2025" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la commune avec un document");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
