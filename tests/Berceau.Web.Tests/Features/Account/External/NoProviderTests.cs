using System.Net;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Account.External;

/// <summary>The default deployment configures no external provider: nothing about them exists.</summary>
[Collection(AppCollection.Name)]
public sealed class NoProviderTests(BerceauApp app)
{
    [Fact]
    public async Task SignInPage_WithoutProviderConfigured_ShowsNoExternalButton()
    {
        var html = await Forms.TextAsync(await app.Client().GetAsync("/compte/connexion"));

        Assert.DoesNotContain("FranceConnect", html);
        Assert.DoesNotContain("ProConnect", html);
    }

    [Theory]
    [InlineData("franceconnect")]
    [InlineData("proconnect")]
    public async Task StartingAnExternalSignIn_WithoutProviderConfigured_IsNotFound(string provider)
    {
        var response = await Forms.PostFormToAsync(app.Client(), "/compte/connexion", "/compte/externe/connexion/" + provider, []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ProviderCallback_WithoutProviderConfigured_IsNotFound()
    {
        var response = await app.Client().GetAsync("/signin-franceconnect?code=x&state=y");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
