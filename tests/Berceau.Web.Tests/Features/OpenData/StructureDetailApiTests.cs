using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.OpenData;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class StructureDetailApiTests(BerceauApp app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);

    [Fact]
    public async Task Detail_OfACreche_GivesSectionsHoursContactAndCurrentVacanciesPerSection()
    {
        var creche = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche Détail"),
            ("Bébés", 2, 17, 12), ("Moyens", 18, 29, 14), ("Grands", 30, 48, 14));
        creche.Vacancies.Add(OpenDataTestData.Vacancy(creche.Sections[1].Id, 2, BerceauApp.Now.AddDays(-3), Today.AddDays(-1)));
        creche.Vacancies.Add(OpenDataTestData.Vacancy(creche.Sections[2].Id, 1, BerceauApp.Now.AddDays(-3), Today.AddDays(20)));
        creche.Vacancies.Add(OpenDataTestData.Vacancy(creche.Sections[0].Id, 4, BerceauApp.Now.AddMonths(-3), Today.AddMonths(-3)));
        await app.SaveAsync(creche);

        var detail = await app.Client().GetJsonAsync($"/api/v1/structures/{creche.Id}");

        Assert.Equal(creche.Name, detail.GetProperty("nom").GetString());
        Assert.Equal("EAJE_COLLECTIF", detail.GetProperty("mode").GetString());
        Assert.Equal("municipale", detail.GetProperty("gestion").GetString());
        Assert.Equal("Montreuil", detail.GetProperty("commune").GetProperty("nom").GetString());
        Assert.Equal(40, detail.GetProperty("places").GetInt32());
        var sections = detail.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["Bébés", "Moyens", "Grands"], sections.Select(s => s.GetProperty("nom").GetString()));
        Assert.Equal(detail.GetProperty("places").GetInt32(), sections.Sum(s => s.GetProperty("places").GetInt32()));
        Assert.Equal([0, 2, 0], sections.Select(s => s.GetProperty("placesDisponibles").GetInt32()));
        Assert.Equal(2, detail.GetProperty("placesDisponibles").GetInt32());
        Assert.Equal(2, sections[0].GetProperty("ageMinMois").GetInt32());
        Assert.Equal(17, sections[0].GetProperty("ageMaxMois").GetInt32());

        // Fresh declarations only, the future one included with its start date; the 3-month-old one is gone.
        var vacancies = detail.GetProperty("disponibilites").EnumerateArray().ToList();
        Assert.Equal(["Moyens", "Grands"], vacancies.Select(v => v.GetProperty("section").GetString()));
        Assert.Equal(Today.AddDays(20).ToString("yyyy-MM-dd"), vacancies[1].GetProperty("aPartirDu").GetString());

        Assert.Equal(["lundi", "mardi", "mercredi", "jeudi", "vendredi"], detail.GetProperty("jours").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("07:30", detail.GetProperty("ouverture").GetString());
        Assert.Equal("18:30", detail.GetProperty("fermeture").GetString());
        Assert.Equal(["regulier", "occasionnel"], detail.GetProperty("accueil").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["anglais", "arabe"], detail.GetProperty("langues").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("01 99 00 12 34", detail.GetProperty("contact").GetProperty("telephone").GetString());
        Assert.Equal("https://creche.example", detail.GetProperty("contact").GetProperty("siteWeb").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("agrement").ValueKind);
        Assert.False(detail.GetProperty("demonstration").GetBoolean());
        Assert.DoesNotContain("Personne à ne pas publier", detail.GetRawText());
    }

    [Fact]
    public async Task Detail_OfSeededFacilities_HaveSectionsThatSumToPlaces()
    {
        var page = await app.Client().GetJsonAsync("/api/v1/structures?commune=93066&mode=EAJE_COLLECTIF&parPage=10");
        Assert.NotEmpty(page.GetProperty("resultats").EnumerateArray());

        foreach (var item in page.GetProperty("resultats").EnumerateArray())
        {
            var detail = await app.Client().GetJsonAsync(item.GetProperty("lien").GetString()!);
            var sum = detail.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("places").GetInt32());
            Assert.Equal(detail.GetProperty("places").GetInt32(), sum);
            Assert.Equal(item.GetProperty("places").GetInt32(), sum);
            Assert.Equal(item.GetProperty("placesDisponibles").GetInt32(), detail.GetProperty("placesDisponibles").GetInt32());
        }
    }

    [Fact]
    public async Task Detail_OfAnUnknownId_Returns404Problem()
    {
        var problem = await app.Client().AssertProblemAsync($"/api/v1/structures/{Guid.NewGuid()}", HttpStatusCode.NotFound, parameter: null);

        Assert.Equal("Structure introuvable", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("pas-un-identifiant")]
    [InlineData("12345")]
    public async Task Detail_OfAMalformedId_Returns404Problem(string id)
    {
        await app.Client().AssertProblemAsync($"/api/v1/structures/{id}", HttpStatusCode.NotFound, parameter: null);
    }

    [Fact]
    public async Task Detail_OfAClosedFacility_Returns404StructureFermee()
    {
        var creche = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche Fermée"), ("Multi-âges", 2, 48, 10));
        creche.Close(Today.AddDays(-7), "Travaux");
        await app.SaveAsync(creche);
        var client = app.Client();

        var problem = await client.AssertProblemAsync($"/api/v1/structures/{creche.Id}", HttpStatusCode.NotFound, parameter: null);

        Assert.Equal("Structure fermée", problem.GetProperty("title").GetString());
        Assert.Equal(Today.AddDays(-7).ToString("yyyy-MM-dd"), problem.GetProperty("fermeeLe").GetString());
        Assert.DoesNotContain("Travaux", problem.GetRawText());
        var search = await client.GetJsonAsync("/api/v1/structures?commune=93048&format=geojson&parPage=5000");
        Assert.DoesNotContain(search.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetGuid() == creche.Id.Value);
    }

    [Fact]
    public async Task Detail_OfAFacilityClosingLater_IsStillPublished()
    {
        var creche = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche Bientôt"), ("Multi-âges", 2, 48, 10));
        creche.Close(Today.AddDays(30), "Déménagement");
        await app.SaveAsync(creche);

        var detail = await app.Client().GetJsonAsync($"/api/v1/structures/{creche.Id}");

        Assert.Equal(10, detail.GetProperty("places").GetInt32());
    }
}
