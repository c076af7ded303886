using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.OpenData;

[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class StructuresApiTests(BerceauApp app)
{
    private static IEnumerable<JsonElement> Results(JsonElement page) => page.GetProperty("resultats").EnumerateArray();

    [Fact]
    public async Task Structures_OfMontreuil_AreAllInMontreuil()
    {
        var page = await app.Client().GetJsonAsync("/api/v1/structures?commune=93048&parPage=100");

        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(100, page.GetProperty("parPage").GetInt32());
        Assert.NotEmpty(Results(page));
        Assert.All(Results(page), s =>
        {
            Assert.Equal("93048", s.GetProperty("commune").GetProperty("code").GetString());
            Assert.Equal("Montreuil", s.GetProperty("commune").GetProperty("nom").GetString());
        });
        var commune = Assert.Single(page.GetProperty("communes").EnumerateArray());
        Assert.Equal("93048", commune.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Structures_ByPostcodeOrName_FindTheSameCommune()
    {
        var client = app.Client();
        var byCode = await client.GetJsonAsync("/api/v1/structures?commune=93048");
        var byPostcode = await client.GetJsonAsync("/api/v1/structures?commune=93100");
        var byName = await client.GetJsonAsync("/api/v1/structures?commune=montreuil");

        Assert.Equal(byCode.GetProperty("total").GetInt32(), byPostcode.GetProperty("total").GetInt32());
        Assert.Equal(byCode.GetProperty("total").GetInt32(), byName.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Structures_ResultFields_AreFilled()
    {
        var page = await app.Client().GetJsonAsync("/api/v1/structures?commune=93048&mode=EAJE_COLLECTIF&parPage=100");

        // The first seeded crèche: other tests add their own crèches to Montreuil (their names may sort first).
        var first = Results(page).First(s => s.GetProperty("demonstration").GetBoolean());
        Assert.True(Guid.TryParse(first.GetProperty("id").GetString(), out var id));
        Assert.Equal("EAJE_COLLECTIF", first.GetProperty("mode").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("modeLibelle").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("gestion").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("adresse").GetString()));
        Assert.Equal(5, first.GetProperty("codePostal").GetString()!.Length);
        Assert.True(first.GetProperty("places").GetInt32() > 0);
        Assert.Contains("regulier", first.GetProperty("accueil").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal($"/api/v1/structures/{id}", first.GetProperty("lien").GetString());
    }

    [Fact]
    public async Task Structures_FilteredByModes_ReturnOnlyThoseModes()
    {
        var page = await app.Client().GetJsonAsync("/api/v1/structures?departement=93&mode=EAJE_COLLECTIF,micro_creche&parPage=100");

        Assert.True(page.GetProperty("total").GetInt32() > 0);
        Assert.All(Results(page), s => Assert.Contains(s.GetProperty("mode").GetString(), new[] { "EAJE_COLLECTIF", "MICRO_CRECHE" }));
    }

    [Fact]
    public async Task Structures_FilteredByAge_AcceptThatAge()
    {
        var page = await app.Client().GetJsonAsync("/api/v1/structures?commune=93048&age=60&parPage=100");

        // Seeded sections and agréments stop at 48 months: no seeded structure takes a 5-year-old. (Other tests add their own
        // structures to Montreuil, e.g. a MAM agreed up to 6 years, which the filter rightly keeps.)
        Assert.DoesNotContain(Results(page), s => s.GetProperty("demonstration").GetBoolean());
        var younger = await app.Client().GetJsonAsync("/api/v1/structures?commune=93048&age=24&parPage=100");
        Assert.Contains(Results(younger), s => s.GetProperty("demonstration").GetBoolean());
    }

    [Fact]
    public async Task Structures_Paging_LinksToNextAndPreviousPagesKeepTheFilters()
    {
        var client = app.Client();
        var first = await client.GetJsonAsync("/api/v1/structures?commune=93048&parPage=5");
        var second = await client.GetJsonAsync("/api/v1/structures?commune=93048&page=2&parPage=5");

        Assert.True(first.GetProperty("pages").GetInt32() >= 3);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("liens").GetProperty("precedent").ValueKind);
        Assert.Equal("/api/v1/structures?commune=93048&parPage=5&page=2", first.GetProperty("liens").GetProperty("suivant").GetString());
        Assert.Equal("/api/v1/structures?commune=93048&page=3&parPage=5", second.GetProperty("liens").GetProperty("suivant").GetString());
        Assert.Equal("/api/v1/structures?commune=93048&page=1&parPage=5", second.GetProperty("liens").GetProperty("precedent").GetString());

        var next = await client.GetJsonAsync(first.GetProperty("liens").GetProperty("suivant").GetString()!);
        Assert.Equal(
            Results(second).Select(s => s.GetProperty("id").GetString()),
            Results(next).Select(s => s.GetProperty("id").GetString()));
        Assert.Empty(Results(first).Select(s => s.GetProperty("id").GetString())
            .Intersect(Results(second).Select(s => s.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task Structures_LastPage_HasNoNextLink()
    {
        var client = app.Client();
        var pages = (await client.GetJsonAsync("/api/v1/structures?commune=93048&parPage=50")).GetProperty("pages").GetInt32();
        var last = await client.GetJsonAsync($"/api/v1/structures?commune=93048&parPage=50&page={pages}");

        Assert.Equal(JsonValueKind.Null, last.GetProperty("liens").GetProperty("suivant").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, last.GetProperty("liens").GetProperty("precedent").ValueKind);
    }

    [Fact]
    public async Task Structures_AsGeoJson_AreAFeatureCollectionOfLonLatPoints()
    {
        using var response = await app.Client().GetAsync("/api/v1/structures?commune=93048&format=geojson&parPage=5000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var collection = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(collection.GetProperty("total").GetInt32(), features.Count);
        Assert.True(features.Count > 100, "toute la commune en une page");
        var facilities = await app.WithDbAsync(db => db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == OpenDataTestData.Montreuil)
            .ToDictionaryAsync(f => f.Id.Value, f => (f.Latitude, f.Longitude, f.Mode)));
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            var geometry = feature.GetProperty("geometry");
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var coordinates = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
            Assert.Equal(2, coordinates.Count);
            var properties = feature.GetProperty("properties");
            Assert.Equal("93048", properties.GetProperty("commune").GetProperty("code").GetString());
            Assert.Equal(properties.GetProperty("longitude").GetDouble(), coordinates[0]);
            Assert.Equal(properties.GetProperty("latitude").GetDouble(), coordinates[1]);
            var stored = facilities[feature.GetProperty("id").GetGuid()];
            // Longitude first: in the 93 longitudes are about 2.3–2.6, latitudes 48.8–49.0.
            Assert.Equal(stored.Longitude, coordinates[0], 0.006);
            Assert.Equal(stored.Latitude, coordinates[1], 0.006);
        }
    }

    [Fact]
    public async Task StructureDetail_SaysWhetherTheCrecheIsAvip()
    {
        var avip = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche AVIP"), ("Bébés", 2, 18, 10));
        avip.IsAvip = true;
        await app.SaveAsync(avip);
        var other = await app.SaveAsync(OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche"), ("Bébés", 2, 18, 10)));
        var client = app.Client();

        Assert.True((await client.GetJsonAsync($"/api/v1/structures/{avip.Id}")).GetProperty("avip").GetBoolean());
        Assert.False((await client.GetJsonAsync($"/api/v1/structures/{other.Id}")).GetProperty("avip").GetBoolean());
    }

    [Fact]
    public async Task Structures_Childminder_IsPublishedWithoutHomeAddress()
    {
        var name = OpenDataTestData.UniqueName("Nadia T.");
        var childminder = await app.SaveAsync(OpenDataTestData.Childminder(OpenDataTestData.Montreuil, name));
        var client = app.Client();

        var page = await client.GetJsonAsync("/api/v1/structures?commune=93048&mode=AM&parPage=5000&format=geojson");
        var feature = page.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == childminder.Id.Value);
        var properties = feature.GetProperty("properties");
        Assert.Equal(name, properties.GetProperty("nom").GetString());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("adresse").ValueKind);
        Assert.Equal(48.86, properties.GetProperty("latitude").GetDouble());
        Assert.Equal(2.44, properties.GetProperty("longitude").GetDouble());
        Assert.Equal(3, properties.GetProperty("places").GetInt32());

        var detail = await client.GetJsonAsync($"/api/v1/structures/{childminder.Id}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("adresse").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("contact").ValueKind);
        Assert.Equal(3, detail.GetProperty("agrement").GetProperty("enfants").GetInt32());
        var json = detail.GetRawText();
        Assert.DoesNotContain("Domicile", json);
        Assert.DoesNotContain("01 99 00 98 76", json);
        Assert.DoesNotContain("AG-TEST", json);
    }

    [Fact]
    public async Task Structures_WithVacanciesOnly_ShowFreshDeclarationsAtOnceAndHideStaleOnes()
    {
        var fresh = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche Fraîche"), ("Bébés", 2, 17, 10));
        var stale = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche Ancienne"), ("Bébés", 2, 17, 10));
        var today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);
        stale.Vacancies.Add(OpenDataTestData.Vacancy(stale.Sections[0].Id, 2, BerceauApp.Now.AddMonths(-3), today.AddMonths(-3)));
        await app.SaveAsync(fresh);
        await app.SaveAsync(stale);
        var client = app.Client();
        const string url = "/api/v1/structures?commune=93048&placesDisponibles=true&mode=EAJE_COLLECTIF&parPage=100";

        var before = (await client.GetJsonAsync(url)).GetProperty("resultats").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(fresh.Id.Value, before);
        Assert.DoesNotContain(stale.Id.Value, before);

        // A director declares a free place: the next request shows it (no cache in front of vacancies).
        await app.WithDbAsync(async db =>
        {
            // Added explicitly: the vacancy's id is set by the domain, so EF must not take it for an existing row.
            var entry = db.Vacancies.Add(OpenDataTestData.Vacancy(fresh.Sections[0].Id, 2, BerceauApp.Now.AddDays(-1), today));
            entry.Property("FacilityId").CurrentValue = fresh.Id;
            return await db.SaveChangesAsync();
        });
        var after = (await client.GetJsonAsync(url)).GetProperty("resultats").EnumerateArray().ToList();
        var shown = Assert.Single(after, s => s.GetProperty("id").GetGuid() == fresh.Id.Value);
        Assert.Equal(2, shown.GetProperty("placesDisponibles").GetInt32());
        Assert.DoesNotContain(after, s => s.GetProperty("id").GetGuid() == stale.Id.Value);
    }

    [Fact]
    public async Task Structures_WithStartDate_CountPlacesFreeOnThatDateOnly()
    {
        var creche = OpenDataTestData.Creche(OpenDataTestData.Montreuil, OpenDataTestData.UniqueName("Crèche Rentrée"), ("Bébés", 2, 17, 10));
        var today = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime);
        creche.Vacancies.Add(OpenDataTestData.Vacancy(creche.Sections[0].Id, 3, BerceauApp.Now.AddDays(-1), today.AddMonths(2)));
        await app.SaveAsync(creche);
        var client = app.Client();
        const string url = "/api/v1/structures?commune=93048&placesDisponibles=true&mode=EAJE_COLLECTIF&parPage=100";

        var now = (await client.GetJsonAsync(url)).GetProperty("resultats").EnumerateArray();
        Assert.DoesNotContain(now, s => s.GetProperty("id").GetGuid() == creche.Id.Value);

        var atStart = (await client.GetJsonAsync(url + "&debut=" + today.AddMonths(3).ToString("yyyy-MM-dd"))).GetProperty("resultats").EnumerateArray();
        var shown = Assert.Single(atStart, s => s.GetProperty("id").GetGuid() == creche.Id.Value);
        Assert.Equal(3, shown.GetProperty("placesDisponibles").GetInt32());
    }

    [Theory]
    [InlineData("commune=Atlantide")]
    [InlineData("commune=99999")]
    [InlineData("commune=93048&departement=92")]
    public async Task Structures_OfAnUnknownCommune_Return404NamingCommune(string query)
    {
        var problem = await app.Client().AssertProblemAsync($"/api/v1/structures?{query}", HttpStatusCode.NotFound, "commune");

        Assert.Equal("Commune inconnue", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("mode=CRECHE", "mode")]
    [InlineData("mode=AM,NOUNOU", "mode")]
    [InlineData("page=0", "page")]
    [InlineData("page=-3", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("parPage=0", "parPage")]
    [InlineData("parPage=101", "parPage")]
    [InlineData("parPage=dix", "parPage")]
    [InlineData("format=geojson&parPage=5001", "parPage")]
    [InlineData("age=73", "age")]
    [InlineData("age=-1", "age")]
    [InlineData("age=douze", "age")]
    [InlineData("format=xml", "format")]
    [InlineData("placesDisponibles=peut-etre", "placesDisponibles")]
    [InlineData("horairesAtypiques=2", "horairesAtypiques")]
    [InlineData("handicap=yes", "handicap")]
    [InlineData("accueil=nuit", "accueil")]
    [InlineData("departement=9", "departement")]
    [InlineData("debut=01/09/2027", "debut")]
    [InlineData("debut=2027-02-30", "debut")]
    public async Task Structures_WithABadParameter_Return400NamingIt(string query, string parameter)
    {
        var problem = await app.Client().AssertProblemAsync($"/api/v1/structures?commune=93048&{query}", HttpStatusCode.BadRequest, parameter);

        Assert.Single(problem.GetProperty("errors").EnumerateObject());
    }

    [Fact]
    public async Task Structures_WithSeveralBadParameters_NameEachOfThem()
    {
        var problem = await app.Client().AssertProblemAsync("/api/v1/structures?page=0&parPage=1000&mode=X", HttpStatusCode.BadRequest, "page");

        var names = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["mode", "page", "parPage"], names.Order(StringComparer.Ordinal));
        Assert.Contains("1 et 100", problem.GetProperty("errors").GetProperty("parPage")[0].GetString());
    }

    [Fact]
    public async Task Structures_AsGeoJson_AllowLargePages()
    {
        var collection = await app.Client().GetJsonAsync("/api/v1/structures?departement=93&format=geojson&parPage=5000");

        Assert.Equal(5000, collection.GetProperty("parPage").GetInt32());
    }
}
