using Berceau.Domain.Access;
using Berceau.Domain.Practices;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// Issue 9, good practices end to end: a partner submits a fiche (refused while a required section is empty), the secretariat of
/// the 93 publishes it, and anyone finds it in the public library by a word without its accent; a partner edits its refused fiche
/// and sends it again. Axe-clean on every page.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class PracticesBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task APartnerSubmitsAPractice_AModeratorPublishesIt_AndTheLibraryFindsIt()
    {
        var word = "Quokka" + Guid.NewGuid().ToString("N")[..6];
        var title = $"Matinée découverte des modes d’accueil {word}";
        await SignInAsStaffAsync(Roles.Partner, commune: "93048");
        await Page.GotoAsync("/pro");
        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Bonnes pratiques" }).ClickAsync();
        await AssertNoAxeViolationAsync("l’espace des bonnes pratiques");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Fiche intermédiaire" }).ClickAsync();
        await AssertNoAxeViolationAsync("le formulaire d’une fiche intermédiaire");
        await Page.GetByLabel("Titre de la fiche").FillAsync(title);
        await Page.GetByLabel("Parcours et démarches").CheckAsync();
        await Page.GetByLabel("Organisation qui propose la fiche").FillAsync("Relais petite enfance de Montreuil");
        await Page.GetByLabel("Territoire").FillAsync("Montreuil, Seine-Saint-Denis, Île-de-France");
        await Page.GetByLabel("Contact", new() { Exact = true }).FillAsync("Animatrice du relais");
        await Page.GetByLabel("Enjeux et objectifs").FillAsync("Présenter tous les modes d’accueil en une matinée.");
        await Page.GetByLabel("Bénéfices et résultats").FillAsync("80 familles accueillies.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la fiche" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Remplissez la rubrique « Contexte »." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la fiche refusée (rubrique manquante)");
        await Page.GetByLabel("Contexte").FillAsync("Les familles connaissent mal l’offre d’accueil du quartier.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la fiche" }).ClickAsync();
        await Expect(Page.GetByText("Votre fiche est envoyée", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la fiche envoyée");

        await Context.ClearCookiesAsync();
        await SignInAsStaffAsync(Roles.Steering, departement: "93");
        await Page.GotoAsync("/pro/bonnes-pratiques");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await AssertNoAxeViolationAsync("la relecture d’une fiche");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publier la fiche" }).ClickAsync();
        await Expect(Page.GetByText("La fiche est publiée.")).ToBeVisibleAsync();

        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/bonnes-pratiques");
        await AssertNoAxeViolationAsync("la bibliothèque des bonnes pratiques");
        await Page.GetByLabel("Mots recherchés").FillAsync($"matinee {word}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "1 fiche" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(Page.GetByText("Source : Proposée par Relais petite enfance de Montreuil")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("une bonne pratique publiée");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }

    [Fact]
    public async Task APartnerReadsWhyItsFicheWasRefused_EditsIt_AndSendsItAgain()
    {
        var title = $"Permanence d’information des familles {Guid.NewGuid().ToString("N")[..6]}";
        var email = await SignInAsStaffAsync(Roles.Partner, commune: "93048");
        var now = App.Clock.GetUtcNow();
        await App.WithDbAsync(async db =>
        {
            var me = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var practice = GoodPractice.Submit(new PracticeContent(title, PracticeTheme.Information, PracticeFormat.Intermediate, "Montreuil, Seine-Saint-Denis",
                new Dictionary<string, string?> { ["contact"] = "Le relais", ["contexte"] = "Les familles cherchent une place.", ["objectifs"] = "Les informer.", ["resultats"] = "Beaucoup de familles." }),
                GoodPractice.SubmittedSource("Relais petite enfance de Montreuil"), "93", now, me).Value;
            Assert.True(practice.Reject("Chiffrez les résultats, s’il vous plaît.", now, "secretariat").IsSuccess);
            db.GoodPractices.Add(practice);
            return await db.SaveChangesAsync();
        });
        await Page.GotoAsync("/pro/bonnes-pratiques");
        await Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(Page.GetByText("Chiffrez les résultats, s’il vous plaît.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Modifier la fiche" }).ClickAsync();
        await AssertNoAxeViolationAsync("la modification d’une fiche refusée");
        await Page.GetByLabel("Bénéfices et résultats").FillAsync("");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la fiche modifiée" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Remplissez la rubrique « Bénéfices et résultats »." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la modification refusée (rubrique vide)");
        await Page.GetByLabel("Bénéfices et résultats").FillAsync("64 familles reçues en 2025, 12 places trouvées.");
        await Page.GetByLabel("Bénéfices et résultats").PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("Votre fiche modifiée est envoyée", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(Page.GetByText("En attente de relecture")).ToBeVisibleAsync();
        await Expect(Page.GetByText("64 familles reçues en 2025")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la fiche envoyée de nouveau");
        Assert.Empty(OutsideRequests);
        Assert.Empty(ScriptErrors);
    }
}
