using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.OpenData;

[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed partial class OpenApiDocsTests(BerceauApp app)
{
    [Fact]
    public async Task OpenApiDocument_ListsTheFourEndpointsInFrench()
    {
        var document = await app.Client().GetJsonAsync("/openapi/v1.json");

        Assert.Equal("Berceau — données ouvertes", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/communes", "/api/v1/structures", "/api/v1/structures/{id}", "/api/v1/simulateur" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()), path);
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()), path);
        }
        var structures = paths.GetProperty("/api/v1/structures").GetProperty("get");
        var commune = structures.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "commune");
        Assert.Contains("INSEE", commune.GetProperty("description").GetString());
        Assert.True(structures.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(structures.GetProperty("responses").TryGetProperty("404", out _));
        Assert.Equal("Rechercher des modes d’accueil", structures.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task ApiDocs_AreServedWithoutAnyExternalScriptOrStylesheet()
    {
        var client = app.Client(followRedirects: true);
        using var response = await client.GetAsync("/api/docs");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch(ExternalResource(), html);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            using var script = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
        // Scalar resolves this address against the site root: /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html);
    }

    [Fact]
    public async Task OpenDataPage_ExplainsLicenceAndLinksToTheDocumentation()
    {
        using var response = await app.Client().GetAsync("/api");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1 class=\"govuk-heading-xl\">Données ouvertes</h1>", html);
        Assert.Contains("Licence Ouverte 2.0", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
        Assert.Contains("href=\"/api/docs\"", html);
        Assert.Contains("href=\"/api/provenance\"", html);
        Assert.Contains("curl \"http://", html);
    }

    [Fact]
    public async Task Provenance_IsServedAsText()
    {
        using var response = await app.Client().GetAsync("/api/provenance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Provenance", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_IsPublicAndAnswersJsonWithoutCookies()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await client.GetAsync("/api/v1/communes?departement=93");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex("""<script[^>]*\ssrc\s*=\s*["']([^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();
}
