using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.OccasionalCare;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 7's occasional care: a director publishes a half-day this afternoon, a family registers its child and books it at the
/// price shown (checked by hand), the director sees the child in the bookings of the day. Axe-clean on every page visited.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class OccasionalCareBrowserTests(BerceauApp app) : BrowserTest(app)
{
    private async Task SignInAsDirectorAsync(string email, string password)
    {
        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.GetByLabel("Saisissez le code de votre application d’authentification").FillAsync(Accounts.CurrentCode());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Director_PublishesASlot_FamilyBooksItAtTheRightPrice_DirectorSeesTheBookingOfTheDay()
    {
        var facility = await OccasionalTestData.CrecheAsync(App, prefix: "Crèche navigateur");
        var (directorEmail, directorPassword) = await Accounts.CreateStaffAsync(App, Roles.Director, facility: facility.Id.Value);
        var (familyEmail, familyPassword) = await Accounts.CreateFamilyAsync(App);

        // The director publishes this afternoon (it is 10:00 in Paris).
        await SignInAsDirectorAsync(directorEmail, directorPassword);
        await Page.GotoAsync(OccasionalTestData.Staff);
        await AssertNoAxeViolationAsync("l’accueil occasionnel de la direction");
        await Page.GetByRole(AriaRole.Link, new() { Name = facility.Name }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier un créneau" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier le créneau" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la publication d’un créneau refusée");
        await Page.GetByLabel("Section").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Jour").FillAsync("2026-11-23");
        await Page.GetByLabel("Après-midi").CheckAsync();
        await Page.GetByLabel("Heure d’arrivée").FillAsync("14:00");
        await Page.GetByLabel("Heure de départ").FillAsync("17:30");
        await Page.GetByLabel("Nombre de places").FillAsync("1");
        await Page.GetByLabel("Place libre").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier le créneau" }).ClickAsync();
        await Expect(Page.GetByText("est publié")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les créneaux de la crèche");

        // The family registers its child; the guichet marks the file complete.
        await SignInAsFamilyAsync(familyEmail, familyPassword);
        await Page.GotoAsync(OccasionalTestData.Family);
        await AssertNoAxeViolationAsync("l’accueil occasionnel de la famille");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire un enfant" }).ClickAsync();
        await Page.GetByLabel("Commune", new() { Exact = true }).SelectOptionAsync(OccasionalTestData.Commune);
        await Page.GetByLabel("Prénom de l’enfant", new() { Exact = true }).FillAsync("Léa");
        await Page.GetByLabel("Nom de l’enfant", new() { Exact = true }).FillAsync("Navigatrice");
        await Page.GetByLabel("Date de naissance de l’enfant").FillAsync("2025-03-15");
        await Page.GetByLabel("Ressources annuelles du foyer (année N-2)").FillAsync("36000");
        await Page.GetByLabel("Nombre d’enfants à charge dans le foyer").FillAsync("1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire mon enfant" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’inscription refusée");
        await Page.GetByLabel("J’accepte que la commune").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire mon enfant" }).ClickAsync();
        await Expect(Page.GetByText("Le guichet vérifie le dossier")).ToBeVisibleAsync();
        var userId = await Accounts.UserIdAsync(App, familyEmail);
        await App.WithDbAsync(async db =>
        {
            var child = await db.OccasionalChildren.SingleAsync(c => c.FamilyUserId == userId);
            child.MarkComplete("guichet", BerceauApp.Now);
            return await db.SaveChangesAsync();
        });

        // It books the slot: 36,000 €/yr → 1.86 €/h; 14:00–17:30 = 3.5 h → 6.51 €.
        await Page.ReloadAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Voir les créneaux pour Léa" }).ClickAsync();
        await AssertNoAxeViolationAsync("les créneaux proposés à la famille");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Réserver le 23/11/2026 à 14h00, " + facility.Name }).ClickAsync();
        await Expect(Page.Locator("#prix")).ToHaveTextAsync("6,51 €");
        await Expect(Page.GetByText("1,86 € de l’heure", new() { Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réservation d’un créneau");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la réservation" }).ClickAsync();
        await Expect(Page.GetByText("Votre réservation est confirmée.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la réservation confirmée");
        await Page.GotoAsync(OccasionalTestData.Family + "/releve");
        await Expect(Page.GetByText("Total du mois")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le relevé mensuel");
        await Page.GotoAsync(OccasionalTestData.Family);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Être prévenu des nouveaux créneaux pour Léa" }).ClickAsync();
        await AssertNoAxeViolationAsync("les alertes de la famille");

        // The director sees Léa in the bookings of the day, and her file.
        await SignInAsDirectorAsync(directorEmail, directorPassword);
        await Page.GotoAsync($"{OccasionalTestData.Staff}/structures/{facility.Id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Réservations du jour" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Léa Navigatrice", Exact = true })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les réservations du jour");
        await Page.GotoAsync($"{OccasionalTestData.Staff}/dossiers");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Léa Navigatrice" }).ClickAsync();
        await Expect(Page.GetByText("Dossier complet").First).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le dossier d’une famille");
    }
}
