using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.FollowUp;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 7's follow-up journey: an agent opens a case from an application's file, logs a call, sends the « solutions » letter,
/// records the solution found and closes the case; the worklist and the indicator are read too. Axe-clean on every page visited.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class FollowUpBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Agent_WorksACase_FromOpeningToSolution()
    {
        var (email, _) = await Accounts.CreateFamilyAsync(App);
        var application = await App.ApplicationAsync(await Accounts.UserIdAsync(App, email));
        await SignInAsStaffAsync(Roles.Agent, commune: FollowUpTestData.Villetaneuse);

        await Page.GotoAsync($"/pro/demandes/{application}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir un suivi « zéro sans solution »" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ouvrir un suivi pour Inès Benali" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le suivi" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’ouverture d’un suivi refusée");
        await Page.GetByLabel("Pourquoi ouvrir un suivi ?").FillAsync("Reprise d’emploi en janvier, aucune place proposée.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le suivi" }).ClickAsync();
        await Expect(Page.GetByText("Le suivi est ouvert.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page d’un suivi");

        await Page.GetByLabel("Appel téléphonique").CheckAsync();
        await Page.GetByLabel("Note", new() { Exact = true }).FillAsync("Jointe : cherche toujours, le lundi et le dimanche.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’action" }).ClickAsync();
        await Expect(Page.GetByText("L’action est enregistrée.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Préparer le courrier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Courrier « solutions »" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le courrier « solutions »");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le courrier à la famille" }).ClickAsync();
        await Expect(Page.GetByText("Le courrier « solutions » est envoyé à la famille.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Solutions envoyées à la famille")).ToBeVisibleAsync();

        await Page.GetByLabel("Solution trouvée").CheckAsync();
        await Page.GetByLabel("Note", new() { Exact = true }).FillAsync("Assistante maternelle rue des Lilas à partir du 4 janvier.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’action" }).ClickAsync();
        await Expect(Page.GetByText("L’action est enregistrée.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clore le suivi" }).ClickAsync();
        await Expect(Page.GetByText("Choisissez l’issue du suivi pour le clore.").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la clôture refusée sans issue");
        await Page.GetByLabel("Assistant·e maternel·le").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clore le suivi" }).ClickAsync();
        await Expect(Page.GetByText("Le suivi est clos.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rouvrir le suivi" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("un suivi clos");

        await Page.GotoAsync("/pro/suivi?Clos=true");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Familles sans solution" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liste des suivis");
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }));
        await AssertFocusIsVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir les indicateurs du suivi" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Indicateurs du suivi « zéro sans solution »" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les indicateurs du suivi");
    }
}
