using System.Net;
using System.Text.RegularExpressions;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Portal;
using Berceau.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Portal;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed partial class SearchPageTests(BerceauApp app)
{
    private async Task<FacilitySearchResult> SearchAsync(FacilitySearchCriteria criteria)
    {
        FacilitySearchResult? result = null;
        await app.WithScopeAsync(async services => result = await services.GetRequiredService<FacilitySearch>().SearchAsync(criteria));
        return result!;
    }

    /// <summary>The card of the list that names <paramref name="name"/>, or null.</summary>
    internal static string? Card(string html, string name) =>
        html.Split("<li class=\"berceau-card\">").Skip(1).FirstOrDefault(card => card.Contains(name, StringComparison.Ordinal));

    private static bool IsChecked(string html, string value) =>
        Regex.Match(html, $"<input[^>]*value=\"{Regex.Escape(value)}\"[^>]*>").Value.Contains("checked", StringComparison.Ordinal);

    private static int ShownCount(string html)
    {
        var match = CountHeading().Match(html);
        Assert.True(match.Success, "Le nombre de résultats n’est pas affiché.");
        return int.Parse(match.Groups[1].Value.Replace("\u00a0", "").Replace("\u202f", "").Replace(" ", ""));
    }

    [Fact]
    public async Task Search_WithoutCommune_ListsTheCommunesInsteadOfFacilities()
    {
        var (response, html) = await app.Client().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Trouver un mode d’accueil pour votre enfant", html);
        Assert.Contains("href=\"/?Where=Montreuil\"", html);
        Assert.Contains("Seine-Saint-Denis (93)", html);
        Assert.DoesNotContain("berceau-card", html);
        Assert.Empty(Forms.ErrorSummary(html));
    }

    [Fact]
    public async Task Search_WithCommuneAndFilters_ShowsTheCountOfTheSharedSearch()
    {
        var (response, html) = await app.Client().GetPageAsync(
            "/?Where=Montreuil&CollectiveModes=EAJE_COLLECTIF&CollectiveModes=MICRO_CRECHE&Reception=regulier&Options=places");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = await SearchAsync(new FacilitySearchCriteria
        {
            Where = "Montreuil",
            Modes = [CareMode.EajeCollectif, CareMode.MicroCreche],
            Reception = ReceptionTypes.Regular,
            VacanciesOnly = true,
        });
        Assert.True(expected.Total > 0, "Les données de démonstration devraient avoir des crèches avec des places à Montreuil.");
        Assert.Equal(expected.Total, ShownCount(html));
        Assert.Contains($"{PortalText.Count(expected.Total, "résultat", "résultats")} à Montreuil", html);
        Assert.Equal(Math.Min(expected.Total, IndexModel.PageSize), Regex.Matches(html, "class=\"berceau-card\"").Count);
        // The filters stay ticked, so that the parent sees what the list answers.
        Assert.True(IsChecked(html, "EAJE_COLLECTIF"));
        Assert.True(IsChecked(html, "places"));
        Assert.False(IsChecked(html, "AM"));
    }

    [Fact]
    public async Task Search_WithoutFilters_CountsEveryOpenPlaceOfTheCommune()
    {
        var (_, html) = await app.Client().GetPageAsync("/?Where=Montreuil");

        var expected = await SearchAsync(new FacilitySearchCriteria { Where = "Montreuil" });
        Assert.Equal(expected.Total, ShownCount(html));
        Assert.Contains("id=\"carte\"", html);
        Assert.Contains("data-geojson-url=\"/api/v1/structures?format=geojson&commune=Montreuil&parPage=5000\"", html);
        Assert.Contains("data-communes-url=\"/carte/communes.geojson?departement=93\"", html);
    }

    [Fact]
    public async Task Search_ByPostcode_FindsTheCommune()
    {
        var (_, html) = await app.Client().GetPageAsync("/?Where=93100");

        Assert.Matches("résultats? à Montreuil", html);
    }

    [Fact]
    public async Task Search_WithChildBirthDate_FiltersByAgeAtStartAndSaysIt()
    {
        var name = PortalTestData.UniqueName("Crèche des grands");
        await app.SaveAsync(PortalTestData.Creche(PortalTestData.Bondy, name, ("Grands", 24, 48, 20)));

        var (_, older) = await app.Client().GetPageAsync("/?Where=Bondy&BirthDate=01/01/2024&StartDate=01/09/2027");
        var (_, baby) = await app.Client().GetPageAsync("/?Where=Bondy&BirthDate=01/06/2026&StartDate=01/09/2027");

        // Born 1 January 2024: 44 months on 1 September 2027, in the section; born 1 June 2026: 15 months, too young.
        Assert.Contains("Votre enfant aura 3 ans et 8 mois le 1 septembre 2027", older);
        Assert.Contains(name, older);
        Assert.DoesNotContain(name, baby);
    }

    [Fact]
    public async Task Search_ListsOwnFacilityWithFreePlacesPsuAndDemoTags()
    {
        var name = PortalTestData.UniqueName("Crèche ouverte");
        var facility = PortalTestData.Creche(PortalTestData.Bondy, name, ("Bébés", 2, 17, 12));
        facility.Vacancies.Add(PortalTestData.Vacancy(facility.Sections[0].Id, 3, new DateOnly(2026, 11, 1)));
        await app.SaveAsync(facility);

        var (_, html) = await app.Client().GetPageAsync("/?Where=Bondy&Options=places");

        var card = Card(html, name);
        Assert.True(card is not null, "La structure créée par le test n’est pas dans la liste.");
        Assert.Contains($"href=\"/structures/{facility.Id}\"", card);
        Assert.Contains("3 places disponibles", card);
        Assert.Contains("Données de démonstration", card);
        Assert.Contains("Tarif selon vos ressources", card);
        Assert.Contains("3 rue des Essais, 93140 Bondy", card);
    }

    [Fact]
    public async Task Search_ChildminderCard_DoesNotShowTheHomeAddress()
    {
        var name = PortalTestData.UniqueName("Assistante");
        await app.SaveAsync(PortalTestData.Childminder(PortalTestData.Bondy, name));

        var (_, html) = await app.Client().GetPageAsync("/?Where=Bondy&IndividualModes=AM");

        Assert.Contains(name, html);
        Assert.DoesNotContain("12 rue Privée", html);
    }

    [Fact]
    public async Task Search_WithUnknownCommune_ShowsAFrenchErrorOnTheField()
    {
        var (response, html) = await app.Client().GetPageAsync("/?Where=Nullepart-sur-Mer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(Forms.ErrorSummary(html));
        Assert.StartsWith("Nous ne trouvons pas cette commune", error);
        Assert.Contains("href=\"#Where\"", html);
        Assert.Contains("id=\"Where-error\"", html);
        Assert.Contains("value=\"Nullepart-sur-Mer\"", html);
        Assert.StartsWith("<title>Erreur", Regex.Match(html, "<title>[^<]*").Value);
        Assert.DoesNotContain("berceau-card", html);
    }

    [Fact]
    public async Task Search_WithEmptyCommune_AsksForOne()
    {
        var (_, html) = await app.Client().GetPageAsync("/?Where=&BirthDate=");

        Assert.Equal(["Saisissez le nom d’une commune, un code postal ou une adresse."], Forms.ErrorSummary(html));
    }

    [Fact]
    public async Task Search_WithUnreadableDates_ShowsFrenchFieldErrors()
    {
        var (response, html) = await app.Client().GetPageAsync("/?Where=Montreuil&BirthDate=31/02/2026&StartDate=bientôt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [
                "La date de naissance doit être une vraie date, par exemple 15/03/2026.",
                "La date de début doit être une vraie date, par exemple 01/09/2027.",
            ],
            Forms.ErrorSummary(html));
        Assert.Contains("href=\"#BirthDate\"", html);
        Assert.Contains("href=\"#StartDate\"", html);
        Assert.Contains("value=\"bientôt\"", html);
    }

    [Fact]
    public async Task Search_WithStartBeforeBirth_SaysSo()
    {
        var (_, html) = await app.Client().GetPageAsync("/?Where=Montreuil&BirthDate=01/03/2027&StartDate=01/01/2027");

        Assert.Equal(["La date de début souhaitée doit être après la naissance de l’enfant."], Forms.ErrorSummary(html));
    }

    [Fact]
    public async Task Search_Pagination_KeepsEveryCriterion()
    {
        var (_, html) = await app.Client().GetPageAsync("/?Where=Montreuil&IndividualModes=AM&Reception=regulier&PageNumber=2");

        Assert.Contains("aria-current=\"page\"", html);
        Assert.Contains("href=\"/?Where=Montreuil&IndividualModes=AM&Reception=regulier&PageNumber=3\"", html);
        Assert.Contains("href=\"/?Where=Montreuil&IndividualModes=AM&Reception=regulier&PageNumber=1\"", html);
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("-3")]
    [InlineData("deux")]
    public async Task Search_WithAnOddPageNumber_AnswersWithoutError(string page)
    {
        var (response, html) = await app.Client().GetPageAsync($"/?Where=Montreuil&PageNumber={page}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Forms.ErrorSummary(html));
        Assert.Matches("résultats à Montreuil", html);
    }

    [Fact]
    public async Task CommuneBoundaries_AreGeoJsonOfTheDepartement()
    {
        using var response = await app.Client().GetAsync("/carte/communes.geojson?departement=93");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(39, features.Count);
        var montreuil = Assert.Single(features, f => f.GetProperty("properties").GetProperty("code").GetString() == "93048");
        Assert.Equal("Montreuil", montreuil.GetProperty("properties").GetProperty("nom").GetString());
        Assert.Contains(montreuil.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [GeneratedRegex(@"id=""resultats"">([\d\s\u00a0\u202f]+)\s*résultat", RegexOptions.Singleline)]
    private static partial Regex CountHeading();
}
