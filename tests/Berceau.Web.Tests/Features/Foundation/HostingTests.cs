using System.Net;
using System.Text.Json;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Foundation;

[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class HostingTests(BerceauApp app)
{
    [Fact]
    public async Task Health_WhenDatabaseReachable_ReportsHealthy()
    {
        var response = await app.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersProblemJsonInFrench()
    {
        var response = await app.Client().GetAsync("/api/v1/inexistant");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Ressource introuvable", json.RootElement.GetProperty("title").GetString());
        Assert.True(json.RootElement.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task UnknownPage_ShowsFrenchNotFoundPage()
    {
        var response = await app.Client().GetAsync("/cette-page-n-existe-pas");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page introuvable", html);
        Assert.Contains("lang=\"fr\"", html);
    }

    [Fact]
    public async Task FirstStart_SeedsTheThirtyNineCommunesOfTheNinetyThree()
    {
        var count = await app.WithDbAsync(db => Task.FromResult(db.Communes.Count(c => c.DepartementCode == "93")));
        Assert.Equal(39, count);
    }

    [Fact]
    public async Task FirstStart_CreatesDemoAdminAndDirectorWithTheirTerritory()
    {
        var grants = await app.WithDbAsync(db => Task.FromResult(
            (from u in db.Users
             join g in db.UserGrants on u.Id equals g.UserId
             select new { u.Email, g.DepartementCode, g.FacilityId }).ToList()));
        Assert.Contains(grants, g => g.Email == "admin@demo.berceau.fr" && g.DepartementCode == "93");
        Assert.Contains(grants, g => g.Email == "direction@demo.berceau.fr" && g.FacilityId != null);
    }
}
