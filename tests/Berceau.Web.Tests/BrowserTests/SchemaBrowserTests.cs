using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Schema;
using static Berceau.Web.Tests.Features.Schema.AnnualReportTestData;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.BrowserTests;

/// <summary>
/// The schéma end to end: a pilot notes the progress of the fiche its organisation pilots and the « état d'avancement » report
/// changes; the secretariat's forms refuse bad input. Axe-clean on every page visited, the progress form used with the keyboard.
/// Each test builds its own schéma in the 93 (SchemaTestData).
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Browser")]
public sealed class SchemaBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task APilot_UpdatesTheProgressOfItsFiche_AndTheReportChanges()
    {
        var t = await App.SchemaAsync();
        var email = await SignInAsStaffAsync(Roles.Partner);
        await App.LinkAsync(t.Pilot, email);

        await Page.GotoAsync("/pro");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Schéma départemental des services aux familles" }).ClickAsync();
        await AssertNoAxeViolationAsync("la liste des schémas");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Schema.Title }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = t.Schema.Title })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le tableau de suivi des fiches");
        await Page.GetByLabel("Pilote ou co-pilote").SelectOptionAsync(new SelectOptionValue { Label = t.Pilot.Name });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 fiches sur 3");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = t.OthersSheet.Title })).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "État d’avancement" }).ClickAsync();
        var whole = Page.GetByRole(AriaRole.Table, new() { Name = "Ensemble du schéma" });
        await Expect(whole.GetByRole(AriaRole.Row).Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*3\s+0\s+0\s+0\s+3\s+0 %\s*$"));
        await AssertNoAxeViolationAsync("le rapport d’avancement");

        await Page.GotoAsync(SchemaTestData.SheetPath(t.Piloted));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’état d’avancement" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("l’état d’avancement refusé");
        await Page.GetByLabel("Réalisée").CheckAsync();
        await Page.GetByLabel("Commentaire").FillAsync("Les douze places sont ouvertes depuis le 2 novembre.");
        // The last step with the keyboard: Tab to the button, Enter.
        await Page.GetByLabel("Commentaire").FocusAsync();
        await TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’état d’avancement" }));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByText("L’état d’avancement est enregistré.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Les douze places sont ouvertes depuis le 2 novembre.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la fiche après l’état d’avancement");

        await Page.GotoAsync($"/pro/schema/{t.Id}/avancement");
        await Expect(whole.GetByRole(AriaRole.Row).Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*2\s+0\s+1\s+0\s+3\s+33 %\s*$"));
        await Expect(Page.GetByText("Les douze places sont ouvertes depuis le 2 novembre.")).ToBeVisibleAsync();

        await Page.GotoAsync($"/schema/{SchemaTestData.Departement}/{t.Schema.Period}");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = t.Draft.Title })).ToHaveCountAsync(0);
        await AssertNoAxeViolationAsync("la page publique du schéma");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Piloted.Title }).ClickAsync();
        await Expect(Page.GetByText("Les douze places sont ouvertes depuis le 2 novembre.")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page publique d’une fiche");
    }

    [Fact]
    public async Task TheSecretariat_FormsRefuseBadInput_AndEveryPageIsAxeClean()
    {
        var t = await App.SchemaAsync();
        await SignInAsStaffAsync(Roles.Steering, departement: SchemaTestData.Departement);

        await Page.GotoAsync("/pro/schema/nouveau");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer le schéma" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire de schéma refusé");

        await Page.GotoAsync($"/pro/schema/{t.Id}/modifier");
        await AssertNoAxeViolationAsync("la modification du schéma");
        await Page.GotoAsync($"/pro/schema/{t.Id}/axes/nouveau");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’axe" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire d’axe refusé");

        await Page.GotoAsync($"/pro/schema/{t.Id}/fiches/nouvelle");
        await Page.GetByLabel("Numéro de la fiche").FillAsync("1.1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer la fiche" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Ce schéma a déjà une fiche 1.1." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le formulaire de fiche refusé");
        await Page.GetByLabel("Axe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Numéro de la fiche").FillAsync("1.3");
        await Page.GetByLabel("Intitulé", new() { Exact = true }).FillAsync("Ouvrir un relais petite enfance");
        await Page.GetByLabel("Pilote de la fiche").SelectOptionAsync(new SelectOptionValue { Label = t.Other.Name });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer la fiche" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Fiche 1.3 – Ouvrir un relais petite enfance" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la fiche du secrétariat");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Modifier la fiche" }).ClickAsync();
        await AssertNoAxeViolationAsync("la modification d’une fiche");
        // « Places prévues »: a year outside the period is refused next to its field, then the line is saved and shown.
        var line = Page.GetByRole(AriaRole.Group, new() { Name = "Places prévues, ligne 1" });
        await line.GetByLabel("Commune").SelectOptionAsync(new SelectOptionValue { Label = "Montreuil (93048)" });
        await line.GetByLabel("Mode d’accueil").SelectOptionAsync(new SelectOptionValue { Label = "Crèche collective / multi-accueil" });
        await line.GetByLabel("Année").FillAsync((t.Schema.EndYear + 1).ToString());
        await line.GetByLabel("Nombre de places").FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = $"L’année {t.Schema.EndYear + 1} est hors de la période du schéma ({t.Schema.Period})." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les places prévues refusées");
        await Page.GetByRole(AriaRole.Group, new() { Name = "Places prévues, ligne 1" }).GetByLabel("Année").FillAsync(t.Schema.StartYear.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la fiche" }).ClickAsync();
        await Expect(Page.Locator("#places-prevues").GetByRole(AriaRole.Cell, new() { Name = "Montreuil (93048)" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la fiche avec ses places prévues");

        await Page.GotoAsync("/pro/schema/organisations");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’organisation" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Il y a un problème" })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("les organisations partenaires");
    }

    [Fact]
    public async Task TheSecretariat_OpensTheAnnualReport_FromTheSchema_AndAWrongYearIsTold()
    {
        var (t, y, _, _, tag) = await App.AnnualYearAsync();
        await SignInAsStaffAsync(Roles.Steering, departement: SchemaTestData.Departement);

        await Page.GotoAsync($"/pro/schema/{t.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rapport annuel" }).ClickAsync();
        // Without a year: the latest there is (the year after the schéma's last); then the year chosen from the list.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Rapport annuel {t.Schema.EndYear + 1} – {t.Schema.Title}" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Années du rapport" }).GetByRole(AriaRole.Link, new() { Name = y.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Rapport annuel {y} – {t.Schema.Title}" })).ToBeVisibleAsync();
        var end = Page.GetByRole(AriaRole.Table, new() { NameRegex = new System.Text.RegularExpressions.Regex($@"^Au 31\/12\/{y}") });
        await Expect(end.GetByRole(AriaRole.Row).Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*1\s+1\s+1\s+0\s+3\s+33 %\s*$"));
        await Expect(Page.GetByText($"Décision du comité {tag}")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le rapport annuel");

        await Page.GotoAsync($"/pro/schema/{t.Id}/rapport-annuel?annee=1999");
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "L’année du rapport annuel doit être comprise entre 2000 et 2100." })).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("le rapport annuel d’une année refusée");
    }
}
