using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.Api.ApiClients;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;

namespace Berceau.Web.Tests.Features.Applications.Api;

/// <summary>POST /api/v1/demandes: the form's checks, and the Idempotency-Key that makes a retry safe.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class ApplicationsApiCreateTests(BerceauApp app)
{
    private Task<int> KeysOfAsync(string userId) => app.WithDbAsync(db => db.IdempotentRequests.CountAsync(r => r.UserId == userId));

    [Fact]
    public async Task Post_ValidApplication_Returns201_WithItsLocation_AndSubmitsIt()
    {
        var creches = await app.CrechesAsync(Montreuil, 2);
        var (family, userId) = await FamilyAsync(app);

        using var response = await PostAsync(family, ValidBody(Montreuil, creches[1].Id.ToString(), creches[0].Id.ToString()), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/demandes/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("DEM-93048-2026-", body.GetProperty("reference").GetString());
        Assert.Equal("Déposée", body.GetProperty("statusLabel").GetString());
        var stored = Assert.Single(await app.ApplicationsOfAsync(userId));
        Assert.Equal(id, stored.Id.Value);
        Assert.Equal([creches[1].Id, creches[0].Id], stored.RankedWishes.Select(w => w.FacilityId!.Value));
    }

    [Fact]
    public async Task Post_AsDraft_SavesADraft()
    {
        var (family, userId) = await FamilyAsync(app);

        using var response = await PostAsync(family, new { communeCode = Montreuil, childrenInHousehold = 1, child = new { firstName = "Noé" } }, Guid.NewGuid().ToString(), "?brouillon=true");

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal("Draft", (await JsonAsync(response)).GetProperty("status").GetString());
        Assert.Single(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task Retry_WithTheSameKeyAndBody_ReturnsTheSameAnswer_AndCreatesNothing()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Montreuil, creches[0].Id.ToString());
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(family, body, key);
        using var retry = await PostAsync(family, body, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task SameKey_WithAnotherBody_Returns422_AndCreatesNothing()
    {
        var creches = await app.CrechesAsync(Montreuil, 2);
        var (family, userId) = await FamilyAsync(app);
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(family, ValidBody(Montreuil, creches[0].Id.ToString()), key);

        using var other = await PostAsync(family, ValidBody(Montreuil, creches[1].Id.ToString()), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", (await JsonAsync(other)).GetProperty("detail").GetString());
        Assert.Single(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task SameKey_FromAnotherFamily_IsAnotherRequest()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (familyA, userA) = await FamilyAsync(app);
        var (familyB, userB) = await FamilyAsync(app);
        var key = Guid.NewGuid().ToString();

        using var a = await PostAsync(familyA, ValidBody(Montreuil, creches[0].Id.ToString()), key);
        using var b = await PostAsync(familyB, ValidBody(Montreuil, creches[0].Id.ToString()), key);

        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.NotEqual((await JsonAsync(a)).GetProperty("id").GetGuid(), (await JsonAsync(b)).GetProperty("id").GetGuid());
        Assert.Single(await app.ApplicationsOfAsync(userA));
        Assert.Single(await app.ApplicationsOfAsync(userB));
    }

    [Fact]
    public async Task ConcurrentDuplicates_CreateExactlyOneApplication_AndAllGetItsAnswer()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Montreuil, creches[0].Id.ToString());
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(family, body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Single(await app.ApplicationsOfAsync(userId));
        Assert.Equal(1, await KeysOfAsync(userId));
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Post_WithoutIdempotencyKey_Returns400_NamingTheHeader()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (family, userId) = await FamilyAsync(app);

        using var response = await PostAsync(family, ValidBody(Montreuil, creches[0].Id.ToString()), key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("idempotencyKey", out _), errors.ToString());
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    [Fact]
    public async Task BadInput_Returns400_WithEachFieldsFrenchMessage_AndSavesNothing()
    {
        var creches = await app.CrechesAsync(Montreuil, 1);
        var (family, userId) = await FamilyAsync(app);
        var body = ValidBody(Montreuil, creches[0].Id.ToString(), creches[0].Id.ToString());
        body["child"] = new { firstName = "<script>alert(1)</script>", lastName = "Martin", birthDate = "2030-01-01" };
        body["desiredStart"] = "2020-01-01";
        body["cafNumber"] = "12";
        body["consent"] = false;
        var key = Guid.NewGuid().ToString();

        using var response = await PostAsync(family, body, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("lettres", Message(errors, "child.firstName"));
        Assert.Contains("futur", Message(errors, "child.birthDate"));
        Assert.Contains("passé", Message(errors, "desiredStart"));
        Assert.Contains("7 chiffres", Message(errors, "cafNumber"));
        Assert.Contains("déjà dans votre liste", Message(errors, "wishes[1]"));
        Assert.Contains("notice d’information", Message(errors, "consent"));
        Assert.Empty(await app.ApplicationsOfAsync(userId));
        Assert.Equal(0, await KeysOfAsync(userId));

        // Nothing was kept, not even the key: the corrected request may reuse it.
        using var corrected = await PostAsync(family, ValidBody(Montreuil, creches[0].Id.ToString()), key);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_Returns400_InFrench()
    {
        var (family, userId) = await FamilyAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, Demandes)
        {
            Content = new StringContent("{\"communeCode\": \"93048\", \"consent\": \"peut-être\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await family.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON valide", Message((await JsonAsync(response)).GetProperty("errors"), "consent"));
        Assert.Empty(await app.ApplicationsOfAsync(userId));
    }

    private static string Message(JsonElement errors, string field) =>
        errors.TryGetProperty(field, out var messages) ? messages[0].GetString()! : $"(aucune erreur sur « {field} » : {errors})";
}
