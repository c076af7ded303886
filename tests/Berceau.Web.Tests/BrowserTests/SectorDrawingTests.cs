using Berceau.Domain.Access;
using Berceau.Domain.Territories;
using Berceau.Web.Tests.Features.Territories;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// An agent of Montreuil draws a sector by clicking on the map of the commune, or types its boundary with the keyboard
/// only; the map and the GeoJSON field follow each other, nothing is fetched from outside, and axe is happy.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SectorDrawingTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Agent_DrawsASectorOnTheMap_AndFindsItInTheList()
    {
        await SignInAsStaffAsync(Roles.Agent, commune: Features.Offer.OfferTestData.Montreuil);
        await Page.GotoAsync("/pro/secteurs");
        await AssertNoAxeViolationAsync("la liste des secteurs");
        var name = "Secteur dessiné " + Guid.NewGuid().ToString("N")[..8];

        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un secteur" }).ClickAsync();
        var map = Page.GetByRole(AriaRole.Region, new() { Name = "Carte de Montreuil pour dessiner le contour du secteur" });
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        await AssertNoAxeViolationAsync("le formulaire de secteur");
        await Page.GetByLabel("Nom du secteur").FillAsync(name);
        var box = (await map.BoundingBoxAsync())!;
        var (x, y) = (box.Width / 2, box.Height / 2);
        foreach (var (dx, dy) in new[] { (-30, -30), (30, -30), (30, 30), (-30, 30) })
            await map.ClickAsync(new() { Position = new() { X = (float)(x + dx), Y = (float)(y + dy) } });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Annuler le dernier point" }).ClickAsync();

        await Expect(map).ToHaveAttributeAsync("data-points", "3");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 points placés : le contour est fermé.");
        var field = Page.GetByLabel("Contour au format GeoJSON");
        var geoJson = await field.InputValueAsync();
        var drawn = GeoBoundary.Parse(geoJson);
        Assert.StartsWith("""{"type":"Polygon","coordinates":[[[2.""", geoJson);
        await Expect(Page.GetByLabel("Rattacher automatiquement les structures situées dans ce secteur")).ToBeCheckedAsync();
        await ScreenshotAsync("secteur");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Secteurs", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = name })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la liste après l’enregistrement");
        var stored = await App.WithDbAsync(db => db.Sectors.AsNoTracking().SingleAsync(s => s.Name == name));
        Assert.Equal(drawn.ToGeoJson(), stored.BoundaryGeoJson);
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task Agent_TypesTheBoundaryWithTheKeyboardOnly_AndTheMapFollows()
    {
        await SignInAsStaffAsync(Roles.Agent, commune: Features.Offer.OfferTestData.Montreuil);
        await Page.GotoAsync("/pro/secteurs/nouveau");
        var map = Page.Locator("#carte-secteur");
        await Expect(map).ToHaveAttributeAsync("data-state", "ready");
        var name = "Secteur saisi " + Guid.NewGuid().ToString("N")[..8];

        await TabToAsync(Page.GetByLabel("Nom du secteur"));
        await Page.Keyboard.TypeAsync(name);
        await TabToAsync(Page.GetByLabel("Contour au format GeoJSON"));
        await Page.Keyboard.InsertTextAsync(SectorTestData.SquareInMontreuil);
        await Expect(map).ToHaveAttributeAsync("data-points", "4");
        await Page.Keyboard.TypeAsync("{"); // now invalid: the server will say why
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Le contour n’est pas un polygone GeoJSON valide");
        await AssertNoAxeViolationAsync("le formulaire de secteur avec une erreur");
        var field = Page.GetByLabel("Contour au format GeoJSON");
        await field.FocusAsync();
        await Page.Keyboard.PressAsync("Control+End");
        await Page.Keyboard.PressAsync("Backspace");
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = name })).ToBeVisibleAsync();
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
