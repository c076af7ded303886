using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The guichet's side: an agent finds a parent's application, checks its proof and marks it complete; the parent sees
/// « Complète ». A counter application's code is handed over and the family attaches it. axe-clean at every step.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class AgentBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Agent_MarksTheParentsApplicationComplete_AndTheParentSeesIt()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        var familyId = await Accounts.UserIdAsync(App, email);
        var (id, reference, _) = await App.SubmittedForAsync(familyId, Montreuil, Today.AddDays(-5));
        using (var family = await Accounts.SignInAsync(App, email, password))
            await ProofFiles.UploadAsync(family, id, "Address", ProofFiles.Pdf(), "quittance.pdf");
        var (counterId, _, _) = await App.SubmittedForAsync(null, Montreuil, Today.AddDays(-1));

        await SignInAsStaffAsync(Roles.Agent, commune: Montreuil);
        await Page.GotoAsync("/pro");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Demandes d’accueil" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Demandes d’accueil", Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les files de travail du guichet");
        await Page.GetByLabel("Nom de l’enfant ou d’un parent, ou numéro de demande").FillAsync(reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await AssertNoAxeViolationAsync("le dossier d’une demande");

        await Page.GetByLabel("Nouvelle note").FillAsync("Appeler la famille avant la commission.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la note" }).ClickAsync();
        await Expect(Page.GetByText("La note est enregistrée.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contact" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le dossier avec une erreur dans le journal des contacts");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Justificatif de domicile de moins de 3 mois" }).ClickAsync();
        await AssertNoAxeViolationAsync("une pièce justificative");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accepter la pièce" }).ClickAsync();
        await Expect(Page.GetByText("La pièce est acceptée.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }).ClickAsync();
        await AssertNoAxeViolationAsync("le changement de statut");
        await Page.GetByLabel("Complète : prête pour la commission").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(Page.GetByText("La demande est maintenant « Complète »")).ToBeVisibleAsync();

        await Page.GotoAsync("/pro/demandes/nouvelle");
        await AssertNoAxeViolationAsync("le choix de la commune d’une demande au guichet");
        await Page.GetByLabel("Dans quelle commune la famille habite-t-elle ?").SelectOptionAsync(Montreuil);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Créer une demande au guichet" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire de demande au guichet");

        await Page.GotoAsync($"/pro/demandes/{counterId}/code-famille");
        await AssertNoAxeViolationAsync("la remise d’un code de rattachement");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer le code" }).ClickAsync();
        var code = await Page.Locator(".govuk-panel__body").InnerTextAsync();
        await AssertNoAxeViolationAsync("le code de rattachement affiché");

        await SignInAsFamilyAsync(email, password);
        await Page.GotoAsync($"/famille/demandes/{id}");
        await Expect(Page.Locator(".govuk-tag").Filter(new() { HasText = "Complète" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("acceptée par le guichet")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Qui a consulté mon dossier" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le suivi d’une demande complète, avec les consultations");

        await Page.GotoAsync("/famille/demandes/rattacher");
        await AssertNoAxeViolationAsync("le rattachement d’une demande faite au guichet");
        await Page.GetByLabel("Code de rattachement").FillAsync(code.Trim());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rattacher la demande" }).ClickAsync();
        await Expect(Page.GetByText("La demande faite au guichet est rattachée à votre compte")).ToBeVisibleAsync();
        Assert.Empty(ScriptErrors);
    }
}
