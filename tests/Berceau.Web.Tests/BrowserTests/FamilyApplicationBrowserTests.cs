using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>A parent applies with three wishes and a proof, then follows the application: axe-clean at every step.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FamilyApplicationBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Parent_AppliesWithThreeWishesAndAProof_AndSeesTheStatus()
    {
        var creches = await App.CrechesAsync(ApplicationTestData.Montreuil, 3);
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mes demandes", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes demandes de place en crèche" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liste des demandes d’une famille");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Faire une demande" }).ClickAsync();
        await Page.GetByLabel("Dans quelle commune habitez-vous ?").SelectOptionAsync(ApplicationTestData.Montreuil);
        await AssertNoAxeViolationAsync("le choix de la commune");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Faire une demande de place en crèche" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire de demande");

        await Page.GetByLabel("Numéro et voie").FillAsync("12 rue de Paris");
        await Page.GetByLabel("Code postal").FillAsync(ApplicationTestData.MontreuilPostalCode);
        await Page.GetByLabel("Prénom de l’enfant").FillAsync("Inès");
        await Page.GetByLabel("Nom de famille de l’enfant").FillAsync("Martin");
        await Page.GetByLabel("Date de naissance (si l’enfant est né)").FillAsync("2026-06-01");
        await Page.GetByLabel("Prénom du premier parent").FillAsync("Awa");
        await Page.GetByLabel("Nom de famille du premier parent").FillAsync("Martin");
        await Page.GetByRole(AriaRole.Group, new() { Name = "Situation du premier parent" }).GetByLabel("En emploi").CheckAsync();
        await Page.GetByLabel("Quotient familial CAF, en euros par mois (facultatif)").FillAsync("850");
        await Page.GetByLabel("Notre famille est suivie par la PMI ou un service social qui soutient la demande").CheckAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Crèches où un frère ou une sœur de l’enfant est déjà accueilli (facultatif)" })
            .GetByLabel(creches[1].Name).CheckAsync();
        await Page.GetByLabel("Date d’entrée souhaitée").FillAsync("2027-01-04");
        await Page.GetByLabel("Heure d’arrivée").FillAsync("08:30");
        await Page.GetByLabel("Heure de départ").FillAsync("17:30");
        for (var i = 0; i < 3; i++)
            await Page.GetByLabel($"Choix n° {i + 1}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = creches[i].Name });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Déposer ma demande" }).ClickAsync();

        // Consent not ticked: the whole form comes back with the problem linked to the checkbox, nothing lost.
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Prénom de l’enfant")).ToHaveValueAsync("Inès");
        await AssertNoAxeViolationAsync("le formulaire de demande avec une erreur");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cochez la case pour confirmer" }).ClickAsync();
        await Page.GetByLabel("J’ai lu la notice d’information").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Déposer ma demande" }).ClickAsync();

        await Expect(Page.GetByText("Votre demande est déposée")).ToBeVisibleAsync();
        await Expect(Page.Locator(".govuk-tag").Filter(new() { HasText = "Déposée" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = creches[2].Name })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Vos points" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le suivi d’une demande déposée");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une pièce justificative" }).ClickAsync();
        await AssertNoAxeViolationAsync("l’envoi d’une pièce justificative");
        await Page.GetByLabel("Justificatif de domicile de moins de 3 mois").CheckAsync();
        await Page.GetByLabel("Fichier").SetInputFilesAsync(new FilePayload { Name = "quittance.pdf", MimeType = "application/pdf", Buffer = ProofFiles.Pdf() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la pièce" }).ClickAsync();
        await Expect(Page.GetByText("Votre pièce justificative est envoyée")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "quittance.pdf" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Modifier mes choix de crèches" }).ClickAsync();
        await AssertNoAxeViolationAsync("la modification des vœux");
        await Page.GoBackAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Retirer ma demande" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Voulez-vous vraiment retirer votre demande ?" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la confirmation du retrait");

        await Page.GotoAsync("/famille/demandes");
        await Expect(Page.Locator(".govuk-tag").Filter(new() { HasText = "Déposée" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liste des demandes avec une demande déposée");
        Assert.Empty(ScriptErrors);
    }
}
