using System.Net;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Portal;

[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class StructurePageTests(BerceauApp app)
{
    /// <summary>36,000 € a year, one child, 40 hours a week, 45 weeks a year: 1.86 €/h and 278.55 € a month in a PSU crèche.</summary>
    public const string SimulatorQuery = "AnnualResources=36000&Children=1&DisabledChild=false&HoursPerWeek=40&WeeksPerYear=45";

    [Fact]
    public async Task Structure_WhenUnknownId_ReturnsTheFrench404Page()
    {
        var (response, html) = await app.Client().GetPageAsync($"/structures/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page introuvable", html);
    }

    [Fact]
    public async Task Structure_WhenIdIsNotAGuid_Returns404()
    {
        var (response, _) = await app.Client().GetPageAsync("/structures/pas-un-identifiant");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Structure_ShowsSectionsFreePlacesHoursAndDemoWarning()
    {
        var name = PortalTestData.UniqueName("Crèche détaillée");
        var facility = PortalTestData.Creche(PortalTestData.Bondy, name, ("Bébés", 2, 17, 12), ("Grands", 18, 36, 20));
        facility.Vacancies.Add(PortalTestData.Vacancy(facility.Sections[0].Id, 2, new DateOnly(2027, 1, 5)));
        // Declared more than two months ago: stale, not shown.
        var stale = PortalTestData.Vacancy(facility.Sections[1].Id, 4, new DateOnly(2026, 9, 1));
        stale.DeclaredAt = BerceauApp.Now.AddMonths(-3);
        facility.Vacancies.Add(stale);
        await app.SaveAsync(facility);

        var (response, html) = await app.Client().GetPageAsync($"/structures/{facility.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1 class=\"govuk-heading-xl\">{name}</h1>", html);
        Assert.Contains("Données de démonstration", html);
        Assert.Contains("Bébés\u00a0:</strong> de 2 mois à 17 mois — 12\u00a0places", html);
        Assert.Contains("Grands\u00a0:</strong> de 18 mois à 3 ans — 20\u00a0places", html);
        Assert.Contains("2 places disponibles", html);
        Assert.Contains("à partir du 5 janvier 2027", html);
        Assert.DoesNotContain("4 places disponibles", html);
        Assert.Contains("du lundi au vendredi", html);
        Assert.Contains("de 7 h 30 à 18 h 30", html);
        Assert.Contains("Accueil régulier et occasionnel", html);
        Assert.Contains("français, anglais, tamoul", html);
        Assert.Contains("3 rue des Essais<br>93140 Bondy", html);
        Assert.Contains("href=\"tel:0199001122\"", html);
        Assert.Contains("Gestion municipale (Ville de test)", html);
        Assert.Contains("data-point=\"48.9022,2.4828\"", html);
        Assert.Contains("Estimer le coût pour votre famille", html);
        Assert.DoesNotContain("Coût estimé pour votre famille", html);
    }

    [Fact]
    public async Task Structure_OfAChildminder_ShowsTheAgrementButNeitherStreetNorPhone()
    {
        var name = PortalTestData.UniqueName("Assistante détaillée");
        var facility = PortalTestData.Childminder(PortalTestData.Bondy, name);
        facility.Vacancies.Add(PortalTestData.Vacancy(null, 1, new DateOnly(2026, 12, 1), 3, 36));
        await app.SaveAsync(facility);

        var (_, html) = await app.Client().GetPageAsync($"/structures/{facility.Id}");

        Assert.Contains("AGR-TEST-1", html);
        Assert.Contains("30 juin 2029", html);
        Assert.Contains("1 place disponible pour un enfant de 3 mois à 3 ans", html);
        Assert.DoesNotContain("12 rue Privée", html);
        Assert.DoesNotContain("06 99 00 98 76", html);
        Assert.Contains("relais petite enfance de Bondy", html);
        // The point is rounded to about a kilometre.
        Assert.Contains("data-point=\"48.9,2.48\"", html);
        Assert.DoesNotContain("48.903456", html);
    }

    [Fact]
    public async Task Structure_AfterTheSimulator_ShowsThePsuCostForThisFamily()
    {
        var facility = await app.SaveAsync(PortalTestData.Creche(PortalTestData.Bondy, PortalTestData.UniqueName("Crèche PSU"), ("Tous", 3, 36, 30)));
        var client = app.Client();

        using var simulation = await client.GetAsync($"/simulateur?{SimulatorQuery}");
        var (_, html) = await client.GetPageAsync($"/structures/{facility.Id}");

        Assert.Contains("Coût estimé pour votre famille", html);
        Assert.Contains("1,86\u00a0€", html);
        Assert.Contains("278,55\u00a0€", html);
        Assert.Contains("Modifier vos chiffres", html);
        Assert.Contains($"ReturnTo=%2Fstructures%2F{facility.Id}", html);
    }

    [Fact]
    public async Task Structure_OfAChildminderAfterTheSimulator_ShowsTheCostLessTheCmg()
    {
        var facility = await app.SaveAsync(PortalTestData.Childminder(PortalTestData.Bondy, PortalTestData.UniqueName("Assistante CMG")));
        var client = app.Client();

        using var simulation = await client.GetAsync($"/simulateur?{SimulatorQuery}&AmHourlyWage=5");
        var (_, html) = await client.GetPageAsync($"/structures/{facility.Id}");

        Assert.Contains("Coût estimé pour votre famille", html);
        // 5 €/h × 40 h × 45 weeks ÷ 12 = 750 € a month before the CMG.
        Assert.Contains("750,00\u00a0€", html);
        Assert.Contains("Aide de la CAF (CMG)", html);
        Assert.Contains("Reste à votre charge par mois", html);
    }

    [Fact]
    public async Task Structure_OfAPrivateMicroCreche_SaysToAskForItsPrices()
    {
        var facility = PortalTestData.Creche(PortalTestData.Bondy, PortalTestData.UniqueName("Micro privée"), ("Tous", 3, 36, 10));
        facility.Mode = CareMode.MicroCreche;
        facility.IsPsu = false;
        await app.SaveAsync(facility);
        var client = app.Client();

        using var simulation = await client.GetAsync($"/simulateur?{SimulatorQuery}");
        var (_, html) = await client.GetPageAsync($"/structures/{facility.Id}");

        Assert.Contains("Coût estimé pour votre famille", html);
        Assert.Contains("n’applique pas le barème national", html);
    }
}
