using Berceau.Domain.Access;
using Berceau.Web.Tests.BrowserTests;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.Features.Admin;

/// <summary>The staff home, account and admin pages pass axe (WCAG 2.1 A and AA) as an administrator meets them, errors included.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AdminPagesAccessibilityTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task AdminAndAccountPages_HaveNoAxeViolation()
    {
        await SignInAsStaffAsync(Roles.Admin, departement: "93");

        foreach (var path in new[]
        {
            "/pro", "/admin/utilisateurs", "/admin/utilisateurs?search=demo", "/admin/utilisateurs/nouveau",
            "/admin/parametres", "/admin/envois", "/pro/guichet", "/pro/guichet/93048", "/notifications", "/compte/mot-de-passe", "/compte/double-authentification",
        })
        {
            await Page.GotoAsync(path);
            await AssertNoAxeViolationAsync(path);
        }

        await Page.GotoAsync("/admin/utilisateurs");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Administratrice de démonstration" }).ClickAsync();
        await AssertNoAxeViolationAsync("la fiche d’un utilisateur");
    }

    [Fact]
    public async Task NewUserForm_WithErrors_HasNoAxeViolation()
    {
        await SignInAsStaffAsync(Roles.Admin, departement: "93");
        await Page.GotoAsync("/admin/utilisateurs/nouveau");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Il y a un problème");
        await AssertNoAxeViolationAsync("le formulaire de création en erreur");
    }
}
