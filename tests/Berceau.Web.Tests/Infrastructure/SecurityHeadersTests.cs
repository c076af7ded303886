using System.Net;
using System.Text.RegularExpressions;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// Every answer carries the headers that stop script injection, framing and sniffing (docs/security.md), and no page of
/// ours needs an exception to them: no inline script, no inline style.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed partial class SecurityHeadersTests(BerceauApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/simulateur")]
    [InlineData("/api")]
    [InlineData("/compte/connexion")]
    [InlineData("/cette-page-n-existe-pas")]
    public async Task Page_ForbidsInlineScriptsFramingAndSniffing(string path)
    {
        var response = await app.Client().GetAsync(path);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/simulateur")]
    [InlineData("/api")]
    [InlineData("/compte/connexion")]
    [InlineData("/reunions")]
    public async Task Page_HasNoInlineScriptOrStyle(string path)
    {
        var html = await app.Client().GetStringAsync(path);
        Assert.DoesNotMatch(InlineStyle(), html);
        Assert.Empty(ScriptTags().Matches(html).Where(m => !m.Value.Contains("src=", StringComparison.Ordinal)).Select(m => m.Value));
    }

    [Fact]
    public async Task ApiProblem_CarriesTheHeadersToo()
    {
        var response = await app.Client().GetAsync("/api/v1/inexistant");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task ApiDocumentation_AllowsOnlyItsOwnNoncedScript()
    {
        var response = await app.Client(followRedirects: true).GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        var html = await response.Content.ReadAsStringAsync();
        Assert.All(ScriptTags().Matches(html).Where(m => !m.Value.Contains("src=", StringComparison.Ordinal)),
            script => Assert.Contains($"nonce=\"{nonce}\"", script.Value));
        // A fresh nonce each time: a fixed one would let any injected script through.
        var again = string.Join(";", (await app.Client(followRedirects: true).GetAsync("/api/docs")).Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain(nonce, again);
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerWithoutSigningIn()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BrandColour_IsAStylesheetNotAnInlineStyle()
    {
        var response = await app.Client().GetAsync("/css/theme.css");
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("html:root { --berceau-brand: #00605f; }", (await response.Content.ReadAsStringAsync()).Trim());
        // The default colour is compiled into the stylesheet already: no second file to load.
        Assert.DoesNotContain("/css/theme.css", await app.Client().GetStringAsync("/"));
    }

    [GeneratedRegex("<[a-z][^>]*\\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();
}

/// <summary>The policy's sources computed from the configuration (no app needed).</summary>
public sealed class SecurityPolicyTests
{
    [Theory]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("https://tuiles.exemple.fr:8443/carte/{z}/{x}/{y}.png", "https://tuiles.exemple.fr:8443")]
    [InlineData("", null)]
    [InlineData("pas une adresse", null)]
    public void TileServer_IsAllowedAsAnImageSourceOnly(string tileUrl, string? expected)
    {
        Assert.Equal(expected, Berceau.Web.Infrastructure.SecurityHeaders.TileOrigin(tileUrl));
        if (expected is not null)
            Assert.Contains($"img-src 'self' data: {expected};", Berceau.Web.Infrastructure.SecurityHeaders.Policy([], expected));
    }

    [Fact]
    public void IdentityProviders_AreAllowedAsFormTargets()
    {
        var policy = Berceau.Web.Infrastructure.SecurityHeaders.Policy(["https://fc.exemple.fr", "https://fc.exemple.fr"]);
        Assert.Contains("form-action 'self' https://fc.exemple.fr;", policy);
        Assert.Contains("script-src 'self';", policy);
    }
}
