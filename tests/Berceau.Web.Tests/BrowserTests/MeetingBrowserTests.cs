using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Childminders;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Information meetings end to end (an agent publishes, a family registers, the organiser sees her on the list), and the
/// map of the childminders' search. Axe-clean on every page visited. Data in Vaujours (93074).
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class MeetingBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private const string Vaujours = "93074";

    [Fact]
    public async Task Agent_PublishesAMeeting_AFamilyRegisters_TheOrganiserSeesHerOnTheAttendanceList()
    {
        var title = $"Atelier éveil {Guid.NewGuid():N}"[..22];
        var (familyEmail, familyPassword) = await Accounts.CreateFamilyAsync(App);
        var date = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(15).ToString("yyyy-MM-dd");

        await SignInAsStaffAsync(Roles.Agent, commune: Vaujours);
        await Page.GotoAsync("/pro/reunions");
        await AssertNoAxeViolationAsync("la liste des réunions de l’organisateur");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer une réunion" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire de réunion refusé");
        await Page.GetByLabel("Titre").FillAsync(title);
        await Page.GetByLabel("Atelier").CheckAsync();
        await Page.GetByLabel("Parents et futurs parents").CheckAsync();
        await Page.GetByLabel("Organisé par").FillAsync("Relais petite enfance de Vaujours");
        await Page.GetByLabel("Date").FillAsync(date);
        await Page.GetByLabel("Heure de début").FillAsync("09:30");
        await Page.GetByLabel("Heure de fin").FillAsync("11:00");
        await Page.GetByLabel("Adresse du lieu").FillAsync("Maison de l’enfance, rue de Meaux");
        await Page.GetByLabel("Nombre de places").FillAsync("12");
        await Page.GetByLabel("Langues").FillAsync("français, anglais");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Expect(Page.GetByText("La réunion est publiée")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réunion publiée, côté organisateur");

        await SignInAsFamilyAsync(familyEmail, familyPassword);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Réunions d’information", Exact = true }).ClickAsync();
        await Page.GetByLabel("Langue").SelectOptionAsync("anglais");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await AssertNoAxeViolationAsync("la liste publique des réunions");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(Page.GetByText("12 places restantes")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page publique d’une réunion");
        await Page.GetByRole(AriaRole.Button, new() { Name = "S’inscrire" }).ClickAsync();
        await Page.GetByLabel("Nombre de personnes qui viendront").FillAsync("9");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon inscription" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’inscription refusée");
        await Page.GetByLabel("Nombre de personnes qui viendront").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon inscription" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mes réunions" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Inscrit, 2 personnes")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les réunions de la famille");

        await Context.ClearCookiesAsync();
        await SignInAsStaffAsync(Roles.Agent, commune: Vaujours);
        await Page.GotoAsync("/pro/reunions");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = familyEmail })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Qui est venu ?" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(Page.GetByText("Les présences sont enregistrées")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Présent", Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liste de présence");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Annuler la réunion" }).ClickAsync();
        await AssertNoAxeViolationAsync("l’annulation d’une réunion");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task ChildminderSearch_DrawsItsResultsOnAMap_BesideTheList()
    {
        var facility = ChildminderTestData.Childminder(ChildminderTestData.UniqueName("AM sur la carte"));
        facility.CommuneCode = Vaujours;
        facility.PostalCode = "93410";
        facility.Latitude = 48.93;
        facility.Longitude = 2.57;
        await App.SaveAsync(facility);

        await Page.GotoAsync("/assistants-maternels");
        await Page.GetByLabel("Commune ou code postal").FillAsync("Vaujours");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        var map = Page.GetByRole(AriaRole.Region, new() { Name = "Carte des assistants maternels trouvés" });
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        Assert.True(int.Parse(await map.GetAttributeAsync("data-markers") ?? "0") >= 1);
        await Expect(Page.GetByText("placés à environ un kilomètre près")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = facility.Name })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la recherche d’assistants maternels avec sa carte");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
