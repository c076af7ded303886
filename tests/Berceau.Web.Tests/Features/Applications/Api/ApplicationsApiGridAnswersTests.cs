using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.Api.ApiClients;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications.Api;

/// <summary>The grid's answers through the API: the body of the form in, the same fields back, the form's checks.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationsApiGridAnswersTests(BerceauApp app)
{
    /// <summary>No test publishes a grid for Sevran: every question is asked.</summary>
    private const string Sevran = "93071";

    [Fact]
    public async Task Post_WithTheGridAnswers_StoresThem_AndReturnsThem_AsDoesTheGet()
    {
        var creches = await app.CrechesAsync(Sevran, 2);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Sevran, creches[0].Id.ToString());
        body["quotientFamilial"] = 912.40m;
        body["socialSupport"] = true;
        body["siblingFacilities"] = new[] { creches[1].Id.ToString() };
        body["partnerEmployerFacilities"] = new[] { creches[0].Id.ToString(), creches[1].Id.ToString() };

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await JsonAsync(response);
        var read = await JsonAsync(await family.GetAsync(response.Headers.Location));
        foreach (var resource in new[] { created, read })
        {
            Assert.Equal(912.40m, resource.GetProperty("quotientFamilial").GetDecimal());
            Assert.True(resource.GetProperty("socialSupport").GetBoolean());
            Assert.Equal([creches[1].Id.Value], resource.GetProperty("siblingFacilities").EnumerateArray().Select(e => e.GetGuid()));
            Assert.Equal([creches[0].Id.Value, creches[1].Id.Value], resource.GetProperty("partnerEmployerFacilities").EnumerateArray().Select(e => e.GetGuid()));
        }
        var stored = Assert.Single(await app.ApplicationsOfAsync(userId));
        Assert.Equal(912.40m, stored.QuotientFamilial);
    }

    [Fact]
    public async Task Post_WithoutTheGridAnswers_ReturnsThemEmpty()
    {
        var creches = await app.CrechesAsync(Sevran, 1);
        var (family, _) = await FamilyAsync(app);

        using var response = await PostAsync(family, ValidBody(Sevran, creches[0].Id.ToString()), Guid.NewGuid().ToString());

        var created = await JsonAsync(response);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("quotientFamilial").ValueKind);
        Assert.False(created.GetProperty("socialSupport").GetBoolean());
        Assert.Empty(created.GetProperty("siblingFacilities").EnumerateArray());
    }

    [Fact]
    public async Task Post_WithBadGridAnswers_Returns400_NamingEachField_AndSavesNothing()
    {
        var creches = await app.CrechesAsync(Sevran, 1);
        var elsewhere = await app.CrechesAsync(SaintDenis, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Sevran, creches[0].Id.ToString());
        body["quotientFamilial"] = 200000;
        body["siblingFacilities"] = new[] { elsewhere[0].Id.ToString() };
        body["partnerEmployerFacilities"] = new[] { "pas-un-identifiant" };

        using var response = await PostAsync(family, body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("quotient familial", errors.GetProperty("quotientFamilial")[0].GetString());
        Assert.Contains("frère ou de la sœur", errors.GetProperty("siblingFacilities")[0].GetString());
        Assert.Contains("l’employeur", errors.GetProperty("partnerEmployerFacilities")[0].GetString());
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }
}
