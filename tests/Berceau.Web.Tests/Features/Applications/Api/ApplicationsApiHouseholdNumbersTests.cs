using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.Api.ApiClients;

namespace Berceau.Web.Tests.Features.Applications.Api;

/// <summary>
/// The household's numbers through the API: childrenInHousehold a JSON whole number, annualResources (N-2, euros) a JSON
/// number, in the POST as in the answer; a string or a bad value is refused naming the field, and nothing is saved.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationsApiHouseholdNumbersTests(BerceauApp app)
{
    private const string Drancy = "93029";

    [Fact]
    public async Task Post_WithNumbers_StoresThem_AndTheAnswersGiveThemBackAsNumbers()
    {
        var creches = await app.CrechesAsync(Drancy, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Drancy, creches[0].Id.ToString());
        body["childrenInHousehold"] = 3;
        body["annualResources"] = 32000.5m;

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await JsonAsync(response);
        var read = await JsonAsync(await family.GetAsync(response.Headers.Location));
        foreach (var resource in new[] { created, read })
        {
            var children = resource.GetProperty("childrenInHousehold");
            var resources = resource.GetProperty("annualResources");
            Assert.Equal((JsonValueKind.Number, 3), (children.ValueKind, children.GetInt32()));
            Assert.Equal((JsonValueKind.Number, 32000.5m), (resources.ValueKind, resources.GetDecimal()));
        }
        var stored = Assert.Single(await app.ApplicationsOfAsync(userId));
        Assert.Equal((3, 32000.5m), (stored.ChildrenInHousehold, stored.AnnualResources));
    }

    [Fact]
    public async Task Post_WithoutResources_ReturnsThemAsNull()
    {
        var creches = await app.CrechesAsync(Drancy, 1);
        var (family, _) = await FamilyAsync(app);
        var body = ValidBody(Drancy, creches[0].Id.ToString());
        body["annualResources"] = null;

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(response)).GetProperty("annualResources").ValueKind);
    }

    private const string WholeNumber = "Un nombre s’écrit comme un nombre entier JSON, sans guillemets";
    private const string Amount = "Un montant en euros s’écrit comme un nombre JSON, sans guillemets";

    public static TheoryData<string, object?, string> BadValues => new()
    {
        { "childrenInHousehold", "2", WholeNumber },
        { "childrenInHousehold", 2.5m, WholeNumber },
        { "childrenInHousehold", true, WholeNumber },
        { "childrenInHousehold", new[] { 2 }, WholeNumber },
        { "childrenInHousehold", JsonDocument.Parse("1e40").RootElement, WholeNumber },
        { "childrenInHousehold", 0, "entre 1 et 15" },
        { "childrenInHousehold", 16, "entre 1 et 15" },
        { "childrenInHousehold", null, "Ce champ est obligatoire." },
        { "annualResources", "32000", Amount },
        { "annualResources", "32 000 €", Amount },
        { "annualResources", false, Amount },
        { "annualResources", -1, "Les ressources annuelles doivent être un montant entre 0 et 10 000 000 €." },
        { "annualResources", 10_000_000.01m, "Les ressources annuelles doivent être un montant entre 0 et 10 000 000 €." },
        { "annualResources", JsonDocument.Parse("1e40").RootElement, "Ce nombre est trop grand pour un montant en euros." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Post_WithABadValue_Returns400ProblemJson_NamingTheField_AndSavesNothing(string field, object? value, string message)
    {
        var creches = await app.CrechesAsync(Drancy, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Drancy, creches[0].Id.ToString());
        body[field] = value;

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal("Demande invalide", problem.GetProperty("title").GetString());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(await app.ApplicationsOfAsync(userId));
        Assert.Equal(0, await app.WithDbAsync(db => db.IdempotentRequests.CountAsync(r => r.UserId == userId)));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesBothAsNumbers()
    {
        using var document = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var input = schemas.GetProperty("ApplicationInput").GetProperty("properties");
        Assert.Equal(["integer", "null"], Types(input.GetProperty("childrenInHousehold")));
        Assert.Equal(["null", "number"], Types(input.GetProperty("annualResources")));
        var resource = schemas.GetProperty("ApplicationResource").GetProperty("properties");
        Assert.Contains("integer", Types(resource.GetProperty("childrenInHousehold")));
        Assert.Contains("number", Types(resource.GetProperty("annualResources")));
    }

    private static string[] Types(JsonElement property) => property.GetProperty("type") is { ValueKind: JsonValueKind.Array } types
        ? [.. types.EnumerateArray().Select(t => t.GetString()!).Order()]
        : [property.GetProperty("type").GetString()!];
}
