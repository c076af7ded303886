using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Applications;
using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The right to erasure in a browser: a parent asks for it and reads the guichet's answer; an agent answers from its
/// queue. Axe-clean at every step.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ErasureBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private async Task<(Guid Id, string Reference)> SignedInParentWithApplicationAsync()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        var userId = await Accounts.UserIdAsync(App, email);
        var (id, reference, _) = await App.SubmittedForAsync(userId, ApplicationTestData.Montreuil, ApplicationTestData.Today.AddDays(-10));
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        return (id, reference);
    }

    [Fact]
    public async Task Parent_AsksForErasure_ThenReadsThatItsDataAreErased()
    {
        var (id, _) = await SignedInParentWithApplicationAsync();
        await Page.GotoAsync($"/famille/demandes/{id}");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Demander l’effacement de mes données" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Demander l’effacement de vos données" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la demande d’effacement des données");
        await Page.GetByLabel("Pourquoi demandez-vous l’effacement ? (facultatif)").FillAsync("Nous avons trouvé une assistante maternelle.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Demander l’effacement" }).ClickAsync();

        await Expect(Page.GetByText("Votre demande d’effacement est transmise au guichet")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Vous avez demandé l’effacement des données de cette demande")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le suivi d’une demande avec un effacement en attente");

        // The guichet answers (its own pages are tested below).
        using var agent = await App.SignedInAgentAsync();
        var requestId = await App.WithDbAsync(db =>
            db.ErasureRequests.Where(r => r.ApplicationId == new Domain.Applications.ApplicationId(id)).Select(r => r.Id).SingleAsync());
        using var answer = await Forms.PostFormToAsync(agent, $"/pro/effacements/{requestId}", $"/pro/effacements/{requestId}?handler=Erase", []);

        await Page.ReloadAsync();
        await Expect(Page.GetByText("Les données personnelles de cette demande ont été effacées le")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Demander l’effacement de mes données" })).ToHaveCountAsync(0);
        await AssertNoAxeViolationAsync("une demande dont les données sont effacées");
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Agent_RefusesAnErasure_AReasonIsRequired()
    {
        var application = await App.FamilyApplicationAsync();
        using var request = await Forms.PostFormAsync(application.Family, $"/famille/demandes/{application.Id}/effacement", ("Reason", ""));
        await SignInAsStaffAsync(Roles.Agent, commune: ApplicationTestData.Montreuil);

        await Page.GotoAsync("/pro/demandes");
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Demandes d’effacement des données") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Demandes d’effacement des données", Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la file des demandes d’effacement");
        await Page.GetByRole(AriaRole.Link, new() { Name = application.Reference }).ClickAsync();
        await AssertNoAxeViolationAsync("une demande d’effacement");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser l’effacement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le refus d’effacement sans motif");
        await Page.GetByLabel("Motif du refus").FillAsync("La décision de la commission fait l’objet d’un recours.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Refuser l’effacement" }).ClickAsync();

        await Expect(Page.GetByText($"L’effacement de la demande {application.Reference} est refusé")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la file après un refus");
        Assert.Empty(ScriptErrors);
    }
}
