using System.Net;
using System.Text.Json;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Childminders.ChildminderTestData;

namespace Berceau.Web.Tests.Features.Childminders;

/// <summary>The open feed of the childminders' availability: fresh declarations only, public fields only, JSON and CSV.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class AvailabilityFeedTests(BerceauApp app)
{
    private async Task<Facility> WithDeclarationAsync(string name, DateTimeOffset declaredAt, WeekDays days = WeekDays.Monday | WeekDays.Friday)
    {
        var facility = Childminder(name);
        facility.AtypicalHours = true;
        facility.Languages = "Wolof";
        facility.Vacancies.Add(new Vacancy
        {
            Places = 2, From = new DateOnly(2027, 1, 4), MinAgeMonths = 6, MaxAgeMonths = 30, Days = days, DeclaredAt = declaredAt, DeclaredBy = "test",
        });
        return await app.SaveAsync(facility);
    }

    [Fact]
    public async Task Json_ListsFreshDeclarations_WithPublicFieldsOnly()
    {
        var fresh = await WithDeclarationAsync(UniqueName("AM flux"), BerceauApp.Now.AddDays(-3));
        var stale = await WithDeclarationAsync(UniqueName("AM périmée"), BerceauApp.Now.AddMonths(-3));

        using var response = await app.Client().GetAsync($"/api/v1/disponibilites-am?commune={SaintOuen}");
        var text = await response.Content.ReadAsStringAsync();
        var lines = JsonDocument.Parse(text).RootElement.GetProperty("disponibilites").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(lines, l => l.GetProperty("id").GetGuid() == fresh.Id.Value);
        Assert.DoesNotContain(lines, l => l.GetProperty("id").GetGuid() == stale.Id.Value);
        Assert.Equal("AM", line.GetProperty("mode").GetString());
        Assert.Equal("Saint-Ouen-sur-Seine", line.GetProperty("nomCommune").GetString());
        Assert.Equal(2, line.GetProperty("places").GetInt32());
        Assert.Equal("2027-01-04", line.GetProperty("aPartirDu").GetString());
        Assert.Equal(["lundi", "vendredi"], line.GetProperty("jours").EnumerateArray().Select(d => d.GetString()));
        Assert.True(line.GetProperty("horairesAtypiques").GetBoolean());
        Assert.DoesNotContain("Rosiers", text);
        Assert.DoesNotContain(fresh.Email!, text);
        Assert.DoesNotContain("01 02 03 04 05", text);
    }

    [Fact]
    public async Task Csv_HasTheDocumentedHeader_AndOneLinePerDeclaration()
    {
        var fresh = await WithDeclarationAsync(UniqueName("AM csv"), BerceauApp.Now.AddDays(-1), WeekDays.None);

        using var response = await app.Client().GetAsync($"/api/v1/disponibilites-am?commune={SaintOuen}&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("id;nom;mode;commune;nomCommune;codePostal;enfantsAgrement;places;aPartirDu;ageMinMois;ageMaxMois;jours;horairesAtypiques;accueilHandicap;langues;declareeLe", lines[0]);
        var line = Assert.Single(lines, l => l.StartsWith(fresh.Id.ToString(), StringComparison.Ordinal));
        // A declaration that did not say its days is published with the facility's opening days.
        Assert.Contains(";lundi|mardi|mercredi|jeudi|vendredi;true;false;Wolof;", line);
    }

    [Theory]
    [InlineData("commune=930", "commune")]
    [InlineData("departement=9", "departement")]
    [InlineData("format=xlsx", "format")]
    public async Task BadQuery_IsProblemJson_NamingTheParameter(string query, string parameter)
    {
        using var response = await app.Client().GetAsync($"/api/v1/disponibilites-am?{query}");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
