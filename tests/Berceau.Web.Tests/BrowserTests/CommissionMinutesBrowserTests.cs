using System.Text.RegularExpressions;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The guichet of Gagny changes a session's members, records attendance after the meeting, reads the minutes; then anyone reads
/// the public statistics, without an account. Axe on each page.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class CommissionMinutesBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task TheGuichet_ManagesTheSession_KeepsTheMinutes_AndTheStatisticsArePublic_EveryPageAccessible()
    {
        var scene = await GagnyScene.PreparedAsync(App);
        await SignInAsStaffAsync(Roles.Agent, commune: GagnyScene.Commune);

        // The guichet is not a member: it reaches the session's pages from the list (other tests' sessions share the title).
        await Page.GotoAsync("/pro/commissions");
        await AssertNoAxeViolationAsync("la liste des commissions, avec les liens de gestion");
        await Page.Locator($"a[href='{scene.Url("/membres")}']").ClickAsync();
        await AssertNoAxeViolationAsync("les membres");
        await Page.GetByLabel("Adresse e-mail de la présidente ou du président").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les membres" }).ClickAsync();
        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("La commission doit avoir une présidente ou un président");
        await AssertNoAxeViolationAsync("les membres sans présidence");
        await Page.GetByLabel("Adresse e-mail de la présidente ou du président").FillAsync(scene.PresidentEmail);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les membres" }).ClickAsync();
        await Expect(Page.GetByText("Les membres de la commission sont enregistrés.")).ToBeVisibleAsync();

        await Page.GotoAsync("/pro/commissions");
        await Page.Locator($"a[href='{scene.Url("/annuler")}']").ClickAsync();
        await AssertNoAxeViolationAsync("l’annulation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Annuler la commission" }).ClickAsync();
        await Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Écrivez pourquoi la commission est annulée");
        await AssertNoAxeViolationAsync("l’annulation sans motif");

        foreach (var handler in new[] { "Freeze", "Validate" }) await scene.PostAsync(handler);
        await Page.GotoAsync("/pro/commissions");
        await Page.Locator($"a[href='{scene.Url("/presences")}']").ClickAsync();
        await AssertNoAxeViolationAsync("les présences");
        await Page.GetByLabel(new Regex("Président·e")).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(Page.GetByText("Les présences sont enregistrées : elles figurent au procès-verbal.")).ToBeVisibleAsync();

        await Page.GotoAsync("/pro/commissions");
        await Page.Locator($"a[href='{scene.Url("/proces-verbal")}']").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Procès-verbal – Commission d’hiver" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Présent·e" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le procès-verbal");

        // Anyone, without an account.
        await Context.ClearCookiesAsync();
        await Page.GotoAsync($"/commissions?commune={GagnyScene.Commune}");
        await AssertNoAxeViolationAsync("les commissions de la commune");
        await Page.Locator($"a[href='/commissions/{scene.Session}/statistiques']").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Par crèche" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { Name = "Demandes examinées" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les statistiques publiques");
    }
}
