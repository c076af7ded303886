using System.Globalization;
using System.Text.RegularExpressions;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// A parent without an account: finds care in Montreuil, narrows the list, opens a structure, fills the cost simulator
/// and sees back on the structure what it would cost the family. Once with the mouse, once with the keyboard only.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed partial class ParentJourneyTests(BerceauApp app) : BrowserTest(app)
{
    private ILocator ResultsHeading => Page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = ResultsCount() });

    private async Task<int> ShownCountAsync()
    {
        var text = await ResultsHeading.InnerTextAsync();
        return int.Parse(new string([.. text.TakeWhile(c => !char.IsLetter(c)).Where(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Parent_FindsCareNarrowsTheListAndSeesTheCostForTheFamily()
    {
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Trouver un mode d’accueil pour votre enfant" })).ToBeVisibleAsync();

        await Page.GetByLabel("Commune, code postal ou adresse").FillAsync("Montreuil");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();

        await Expect(ResultsHeading).ToContainTextAsync("à Montreuil");
        var all = await ShownCountAsync();
        Assert.True(all > 0);
        await Expect(Page.Locator(".berceau-results > li")).ToHaveCountAsync(Math.Min(all, 20));
        await WaitForMapsAsync();

        await Page.GetByLabel("Places disponibles uniquement").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("Options=places"));
        await Expect(Page.GetByLabel("Places disponibles uniquement")).ToBeCheckedAsync();
        var withPlaces = await ShownCountAsync();
        Assert.InRange(withPlaces, 1, all - 1);
        await Expect(Page.Locator(".berceau-results > li").First).ToContainTextAsync("disponible");
        await WaitForMapsAsync();
        await ScreenshotAsync("recherche");

        await Page.GetByLabel("Crèche collective / multi-accueil").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("CollectiveModes=EAJE_COLLECTIF"));
        Assert.InRange(await ShownCountAsync(), 1, withPlaces);
        await Expect(Page.Locator(".berceau-results > li").First).ToContainTextAsync("Crèche collective / multi-accueil");

        // The map above the list draws after the page: a click before it has drawn can land where the link no longer is.
        await WaitForMapsAsync();
        var first = Page.Locator(".berceau-results").GetByRole(AriaRole.Link).First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sections et places" })).ToBeVisibleAsync();
        var structureUrl = Page.Url;
        await WaitForMapsAsync();
        await ScreenshotAsync("structure-sans-simulation");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Estimer le coût pour votre famille" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Simulateur de coût" })).ToBeVisibleAsync();
        await Page.GetByLabel("Ressources annuelles de votre foyer, en euros").FillAsync("36 000");
        await Page.GetByLabel("Nombre d’enfants à charge dans votre foyer").FillAsync("1");
        await Page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("AEEH") }).GetByLabel("Non").CheckAsync();
        await Page.GetByLabel("Heures d’accueil par semaine").FillAsync("40");
        await Page.GetByLabel("Semaines d’accueil par an").FillAsync("45");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Calculer" }).ClickAsync();

        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Coût par mois selon le mode d’accueil" });
        await Expect(table).ToBeVisibleAsync();
        foreach (var column in new[] { "Crèche (barème PSU)", "Assistant·e maternel·le", "Garde à domicile" })
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = column })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "Reste à votre charge par mois" })).ToContainTextAsync("278,55");
        await Page.GetByText("Paramètres utilisés, leurs dates et leurs sources").ClickAsync();
        await ScreenshotAsync("simulateur");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Revenir à la fiche du lieu d’accueil" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(structureUrl);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Coût estimé pour votre famille" })).ToBeVisibleAsync();
        await WaitForMapsAsync();
        await ScreenshotAsync("structure");
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Parent_DoesTheSameJourneyWithTheKeyboardOnly()
    {
        await Page.GotoAsync("/");

        // The first Tab reaches the skip link, which takes the focus past the header to the main content.
        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu principal" });
        await Expect(skip).ToBeFocusedAsync();
        await AssertFocusIsVisibleAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("main#contenu")).ToBeFocusedAsync();

        var where = Page.GetByLabel("Commune, code postal ou adresse");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(where).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("Montreuil");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(ResultsHeading).ToContainTextAsync("à Montreuil");
        var all = await ShownCountAsync();

        var vacancies = Page.GetByLabel("Places disponibles uniquement");
        await TabToAsync(vacancies);
        await Page.Keyboard.PressAsync("Space");
        await Expect(vacancies).ToBeCheckedAsync();
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Appliquer les filtres" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex("Options=places"));
        Assert.True(await ShownCountAsync() < all);

        var first = Page.Locator(".berceau-results").GetByRole(AriaRole.Link).First;
        var name = (await first.InnerTextAsync()).Trim();
        await TabToAsync(first);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name })).ToBeVisibleAsync();
        var structureUrl = Page.Url;

        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Estimer le coût pour votre famille" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Simulateur de coût" })).ToBeVisibleAsync();

        await TabToAsync(Page.GetByLabel("Ressources annuelles de votre foyer, en euros"));
        await Page.Keyboard.TypeAsync("36000");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Nombre d’enfants à charge dans votre foyer")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("1");
        // Radios: Tab enters the group on "Oui", the arrow key moves to "Non" and selects it.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Oui", new() { Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Page.GetByLabel("Non", new() { Exact = true })).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByLabel("Heures d’accueil par semaine")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("40");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("45");
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Calculer" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Coût par mois selon le mode d’accueil" })).ToBeVisibleAsync();

        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Revenir à la fiche du lieu d’accueil" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(structureUrl);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Coût estimé pour votre famille" })).ToBeVisibleAsync();
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Parent_WithAWrongCommune_IsToldOnTheFieldAndTheErrorSummaryTakesTheFocus()
    {
        await Page.GotoAsync("/");
        await Page.GetByLabel("Commune, code postal ou adresse").FillAsync("Nullepart");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();

        var summary = Page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Il y a un problème");
        await Expect(Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Nous ne trouvons pas cette commune") }).ClickAsync();
        await Expect(Page.GetByLabel("Commune, code postal ou adresse")).ToBeFocusedAsync();
    }

    [GeneratedRegex(@"résultats? à ")]
    private static partial Regex ResultsCount();
}
