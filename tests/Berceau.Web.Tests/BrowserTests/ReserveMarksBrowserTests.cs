using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>A member reads the reserved seats of each section and filters the proposal « via une réserve », with the keyboard. Axe on each state.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReserveMarksBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AMember_FiltersTheProposal_ViaAReserve_WithTheKeyboard_EveryStateAccessible()
    {
        var member = await SignInAsStaffAsync(Roles.Committee, commune: ReserveMarksScene.Commune);
        var scene = await ReserveMarksScene.RunAsync(App, validate: false, member);

        await Page.GotoAsync(scene.Url());
        await Expect(Page.GetByText("Dont 2 places réservées").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’écran d’examen avec des places réservées");

        var status = Page.GetByLabel("Statut");
        await TabToAsync(status);
        await status.SelectOptionAsync(new SelectOptionValue { Label = "Placées via une réserve" });
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Page.WaitForURLAsync(url => url.Contains("statut=reserve", StringComparison.OrdinalIgnoreCase));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = scene.Poor.Reference })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = scene.Seeker.Reference })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = scene.High[0].Reference })).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Aucun enfant placé via une réserve.")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Statut")).ToHaveValueAsync("reserve");
        await AssertNoAxeViolationAsync("l’écran d’examen filtré « via une réserve »");
    }
}
