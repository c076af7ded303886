using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.Api.ApiClients;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.Guichet.GuichetTestData;

namespace Berceau.Web.Tests.Features.Applications.Guichet;

/// <summary>The API's quotient familial is a JSON number of euros, in the POST as in the answer; anything else is refused.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class ApiQuotientTests(BerceauApp app)
{
    [Fact]
    public async Task Post_WithANumber_StoresIt_AndTheAnswerGivesItBackAsANumber()
    {
        var creches = await app.CrechesAsync(Bondy, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Bondy, creches[0].Id.ToString());
        body["postalCode"] = "93140";
        body["quotientFamilial"] = 850.5m;

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var quotient = (await JsonAsync(response)).GetProperty("quotientFamilial");
        Assert.Equal((JsonValueKind.Number, 850.5m), (quotient.ValueKind, quotient.GetDecimal()));
        Assert.Equal(850.5m, Assert.Single(await app.ApplicationsOfAsync(userId)).QuotientFamilial);
    }

    public static TheoryData<object, string> BadQuotients => new()
    {
        { "850", "Un montant en euros s’écrit comme un nombre JSON, sans guillemets" },
        { true, "Un montant en euros s’écrit comme un nombre JSON, sans guillemets" },
        { -1, "Le quotient familial est un montant en euros par mois, entre 0 et 100\u202f000 €" },
        { 100_000.01m, "Le quotient familial est un montant en euros par mois, entre 0 et 100\u202f000 €" },
        { 850.555m, "au plus 2 chiffres après la virgule" },
        { JsonDocument.Parse("1e40").RootElement, "Ce nombre est trop grand pour un montant en euros." },
    };

    [Theory]
    [MemberData(nameof(BadQuotients))]
    public async Task Post_WithABadQuotient_Returns400_NamingTheField_AndSavesNothing(object quotient, string message)
    {
        var creches = await app.CrechesAsync(Bondy, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Bondy, creches[0].Id.ToString());
        body["postalCode"] = "93140";
        body["quotientFamilial"] = quotient;

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("quotientFamilial")[0].GetString());
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheQuotientAsANumber()
    {
        using var document = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json"));

        var input = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ApplicationInput");
        var quotient = input.GetProperty("properties").GetProperty("quotientFamilial");
        Assert.Contains("number", quotient.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain("string", quotient.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
    }
}
