using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.BrowserTests;
using Berceau.Web.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>
/// The staff pages of the offer registry pass axe (WCAG 2.1 A and AA) as an agent meets them, errors included, and an
/// agent can fix a form from the error summary's links.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class OfferPagesAccessibilityTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task StaffPages_HaveNoAxeViolation()
    {
        var creche = Creche(Montreuil, UniqueName("Crèche axe"), ("Bébés", 0, 18, 10), ("Grands", 18, 36, 12));
        creche.Vacancies.Add(new Vacancy { SectionId = creche.Sections[0].Id, Places = 2, From = new DateOnly(2026, 12, 1), DeclaredAt = BerceauApp.Now, DeclaredBy = "test" });
        await App.SaveAsync(creche);
        var childminder = await App.SaveAsync(Childminder(Montreuil, UniqueName("AM axe")));
        await SignInAsStaffAsync(Roles.Agent, commune: Montreuil);

        foreach (var path in new[]
        {
            "/pro/structures", "/pro/structures?q=axe&etat=ouvertes", "/pro/structures/nouvelle",
            $"/pro/structures/{creche.Id}", $"/pro/structures/{creche.Id}/modifier", $"/pro/structures/{creche.Id}/fermer",
            $"/pro/structures/{creche.Id}/places-disponibles", $"/pro/structures/{childminder.Id}/places-disponibles",
        })
        {
            await Page.GotoAsync(path);
            await AssertNoAxeViolationAsync(path);
        }
        await Page.GotoAsync($"/pro/structures/{creche.Id}");
        await ScreenshotAsync("pro-structure");
        await Page.GotoAsync($"/pro/structures/{creche.Id}/places-disponibles");
        await ScreenshotAsync("pro-places-disponibles");
    }

    [Fact]
    public async Task EditForm_WithErrors_HasNoAxeViolationAndLinksToTheField()
    {
        var creche = await App.SaveAsync(Creche(Montreuil, UniqueName("Crèche erreurs"), ("Bébés", 0, 18, 10)));
        await SignInAsStaffAsync(Roles.Agent, commune: Montreuil);
        await Page.GotoAsync($"/pro/structures/{creche.Id}/modifier");

        await Page.GetByLabel("Nom de la structure").FillAsync("");
        await Page.GetByLabel("Code postal").FillAsync("93200");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Il y a un problème");
        await AssertNoAxeViolationAsync("le formulaire en erreur");
        await ScreenshotAsync("pro-structure-modifier-erreurs");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ce code postal n’est pas celui de Montreuil. Codes postaux de la commune : 93100." }).ClickAsync();
        await Expect(Page.GetByLabel("Code postal")).ToBeFocusedAsync();
    }
}
