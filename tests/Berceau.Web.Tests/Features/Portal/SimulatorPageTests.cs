using System.Net;
using Berceau.Web.Features.Portal;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Portal;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class SimulatorPageTests(BerceauApp app)
{
    private static string? SimulationCookieHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(SimulationCookie.Name + "=", StringComparison.Ordinal))
            : null;

    [Fact]
    public async Task Simulator_Empty_ShowsTheFormWithTheDefaultWages()
    {
        var (response, html) = await app.Client().GetPageAsync("/simulateur");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ressources annuelles de votre foyer, en euros", html);
        Assert.Contains("Sans réponse, nous comptons 8,09\u00a0€ de l’heure.", html);
        Assert.Empty(Forms.ErrorSummary(html));
        Assert.DoesNotContain("Votre coût mensuel estimé", html);
    }

    [Fact]
    public async Task Simulator_WithValidFigures_ShowsTheThreeCostsAndKeepsTheFiguresInACookie()
    {
        using var response = await app.Client().GetAsync($"/simulateur?{StructurePageTests.SimulatorQuery}");
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Coût par mois selon le mode d’accueil", html);
        Assert.Contains("Crèche (barème PSU)", html);
        Assert.Contains("Assistant·e maternel·le", html);
        Assert.Contains("Garde à domicile", html);
        Assert.Contains("278,55\u00a0€", html);
        Assert.Contains("Paramètres utilisés, leurs dates et leurs sources", html);
        Assert.Contains("Taux d’effort, accueil collectif, 1 enfant à charge", html);
        Assert.Contains("0,0619\u00a0%", html);
        Assert.Contains("C’est une estimation", html);

        var cookie = SimulationCookieHeader(response);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AnnualResources%3D36000", cookie);
    }

    [Fact]
    public async Task Simulator_WithBadFigures_ShowsFrenchMessagesOnEachField()
    {
        using var response = await app.Client().GetAsync(
            "/simulateur?AnnualResources=beaucoup&Children=0&HoursPerWeek=80&WeeksPerYear=&AmHourlyWage=0,5&HomeCareHourlyWage=");
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [
                "Saisissez vos ressources annuelles en chiffres, par exemple 36\u00a0000.",
                "Nombre d’enfants à charge\u00a0: la valeur doit être comprise entre 1 et 15.",
                "Heures par semaine\u00a0: la valeur doit être comprise entre 1 et 60.",
                "Saisissez le nombre de semaines d’accueil par an, par exemple 45.",
                "Salaire horaire de l’assistant·e maternel·le\u00a0: la valeur doit être comprise entre 1 et 100.",
            ],
            Forms.ErrorSummary(html));
        foreach (var field in new[] { "AnnualResources", "Children", "HoursPerWeek", "WeeksPerYear", "AmHourlyWage" })
        {
            Assert.Contains($"href=\"#{field}\"", html);
            Assert.Contains($"id=\"{field}-error\"", html);
        }
        Assert.Contains("value=\"beaucoup\"", html);
        Assert.DoesNotContain("Votre coût mensuel estimé", html);
        Assert.Null(SimulationCookieHeader(response));
    }

    [Fact]
    public async Task Simulator_AcceptsFiguresAsFrenchPeopleTypeThem()
    {
        var (_, html) = await app.Client().GetPageAsync(
            "/simulateur?AnnualResources=36%C2%A0000%20%E2%82%AC&Children=1&HoursPerWeek=40,0&WeeksPerYear=45&AmHourlyWage=4,50");

        Assert.Empty(Forms.ErrorSummary(html));
        Assert.Contains("278,55\u00a0€", html);
        Assert.Contains("4,50\u00a0€", html);
    }

    [Fact]
    public async Task Simulator_ReturnLink_OnlyLeadsToAStructurePage()
    {
        var id = Guid.NewGuid();
        var (_, good) = await app.Client().GetPageAsync($"/simulateur?{StructurePageTests.SimulatorQuery}&ReturnTo=/structures/{id}");
        var (_, bad) = await app.Client().GetPageAsync($"/simulateur?{StructurePageTests.SimulatorQuery}&ReturnTo=https://example.org/");

        Assert.Contains($"href=\"/structures/{id}\">Revenir à la fiche du lieu d’accueil", good);
        Assert.Contains($"name=\"ReturnTo\" value=\"/structures/{id}\"", good);
        Assert.DoesNotContain("Revenir à la fiche", bad);
        Assert.DoesNotContain("example.org", bad);
    }

    [Fact]
    public async Task Simulator_WithStoredFigures_FillsTheFormAgain()
    {
        var client = app.Client();
        using var first = await client.GetAsync($"/simulateur?{StructurePageTests.SimulatorQuery}");

        var (_, html) = await client.GetPageAsync("/simulateur");

        Assert.Contains("value=\"36000\"", html);
        Assert.Contains("Effacer mes chiffres", html);
    }

    [Fact]
    public async Task Simulator_Forget_ErasesTheStoredFigures()
    {
        // A plain client that never follows redirects, to see the POST's own answer (302 and the expired cookie).
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseAddress };
        using var first = await client.GetAsync($"/simulateur?{StructurePageTests.SimulatorQuery}");

        using var response = await Forms.PostFormToAsync(client, "/simulateur", "/simulateur?handler=Forget", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/simulateur", response.Headers.Location?.OriginalString);
        var cookie = SimulationCookieHeader(response);
        Assert.NotNull(cookie);
        Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
        var (_, html) = await client.GetPageAsync("/simulateur");
        Assert.DoesNotContain("value=\"36000\"", html);
    }
}
