using Berceau.Domain.Access;
using Berceau.Web.Tests.BrowserTests;
using Berceau.Web.Tests.Support;
using Microsoft.Playwright;

namespace Berceau.Web.Tests.Features.Observatory;

/// <summary>The import page as an analyst of the observatory meets it, with the keyboard: empty, in error, then imported.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Browser")]
public sealed class ObservatoryImportBrowserTests(BerceauApp app) : BrowserTest(app)
{
    [Fact]
    public async Task ImportPage_InErrorThenImported_HasNoAxeViolation()
    {
        await SignInAsStaffAsync(Roles.Observatory, departement: "93");
        await Page.GotoAsync("/admin/observatoire/import");
        await AssertNoAxeViolationAsync("la page d’import");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Importer le fichier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Il y a un problème");
        await AssertNoAxeViolationAsync("la page d’import en erreur");

        var file = Path.Combine(Path.GetTempPath(), $"cnaf-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, ObservatoryFiles.Cnaf(ObservatoryFiles.CnafRow(2038, "93053")));
        try
        {
            await Page.GetByLabel("Places et taux de couverture de la Cnaf (cnaf_taux_couverture_communes)").CheckAsync();
            await Page.GetByLabel("Fichier CSV").SetInputFilesAsync(file);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Importer le fichier" }).PressAsync("Enter");
        }
        finally
        {
            File.Delete(file);
        }

        await Expect(Page.GetByText("1 ligne(s) ajoutée(s)")).ToBeVisibleAsync();
        await AssertNoAxeViolationAsync("la page d’import après un import");
    }
}
