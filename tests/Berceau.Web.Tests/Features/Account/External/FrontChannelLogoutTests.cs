using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Berceau.TestIdentityProvider;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Account.External;

/// <summary>
/// OpenID Connect Front-Channel Logout against the test provider: signing out at the provider frames our
/// /signout-{provider} with its issuer and the session's sid, which ends that Berceau session (even when the frame does
/// not carry our cookie, as a browser blocking third-party cookies would); another sid or another issuer ends nothing.
/// </summary>
[Collection(ExternalLoginCollection.Name)]
[Trait("Category", "Database")]
public sealed partial class FrontChannelLogoutTests(ExternalLoginApp external)
{
    private BerceauApp App => external.App;

    /// <summary>A family signed in through FranceConnect, its account created: its client (cookies of Berceau and of the provider).</summary>
    private async Task<(HttpClient Client, TestPerson Person)> SignedInFamilyAsync()
    {
        var person = external.NewPerson();
        var client = App.Client();
        await external.SignInWithAsync(client, "franceconnect", person);
        await Forms.PostFormAsync(client, "/compte/externe/creer", ("Input.AcceptsNotice", "true"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/famille/demandes")).StatusCode);
        return (client, person);
    }

    /// <summary>Signs out at the provider (its own page) and returns the front-channel logout URI its page frames for us.</summary>
    private async Task<Uri> SignOutAtTheProviderAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri(external.Provider.Authority, IdentityProvider.LogoutPath.TrimStart('/')));
        var frame = FrameSource().Match(page);
        Assert.True(frame.Success, page);
        return new Uri(WebUtility.HtmlDecode(frame.Groups[1].Value));
    }

    private static Uri With(Uri uri, string name, string value)
    {
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query[name] = value;
        return new Uri(QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query));
    }

    [Fact]
    public async Task TheProvider_AdvertisesFrontChannelLogout_WithSessions()
    {
        using var discovery = JsonDocument.Parse(await App.Client().GetStringAsync(new Uri(external.Provider.Authority, ".well-known/openid-configuration")));

        Assert.True(discovery.RootElement.GetProperty("frontchannel_logout_supported").GetBoolean());
        Assert.True(discovery.RootElement.GetProperty("frontchannel_logout_session_supported").GetBoolean());
    }

    [Fact]
    public async Task TheProvidersCall_WithTheSessionsSid_EndsTheSession_EvenWithoutOurCookie()
    {
        var (client, person) = await SignedInFamilyAsync();
        var logout = await SignOutAtTheProviderAsync(client);
        Assert.Equal(new Uri(App.BaseAddress, "/signout-franceconnect").ToString(), logout.GetLeftPart(UriPartial.Path));
        Assert.Equal(external.Provider.Authority.ToString(), QueryHelpers.ParseQuery(logout.Query)["iss"].ToString());

        // A frame of another site: no cookie of ours comes with it.
        using var framed = await App.Client().GetAsync(logout);

        Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
        var policy = string.Join(' ', framed.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"frame-ancestors {external.Provider.Authority.GetLeftPart(UriPartial.Authority)}", policy);
        Assert.True(framed.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/famille/demandes")).StatusCode);
        var userId = await Accounts.UserIdAsync(App, person.Email);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "deconnexion" && a.EntityId == userId
            && a.Details == "fin de session demandée par FranceConnect")));
    }

    [Fact]
    public async Task TheProvidersCall_WithOurCookie_RemovesIt()
    {
        var (client, _) = await SignedInFamilyAsync();
        var logout = await SignOutAtTheProviderAsync(client);

        using var framed = await client.GetAsync(logout);

        Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
        Assert.Contains(framed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("berceau.auth=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/famille/demandes")).StatusCode);
    }

    [Fact]
    public async Task ACall_WithAnotherSid_EndsNothing()
    {
        var (client, _) = await SignedInFamilyAsync();
        var logout = await SignOutAtTheProviderAsync(client);

        using var framed = await client.GetAsync(With(logout, "sid", Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.OK, framed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/famille/demandes")).StatusCode);
    }

    [Theory]
    [InlineData("https://autre-fournisseur.exemple.fr/")]
    [InlineData("")]
    public async Task ACall_FromAnotherIssuer_IsRefused_AndEndsNothing(string issuer)
    {
        var (client, _) = await SignedInFamilyAsync();
        var logout = await SignOutAtTheProviderAsync(client);

        using var refused = await App.Client().GetAsync(With(logout, "iss", issuer));
        using var wrongProvider = await App.Client().GetAsync(new Uri(App.BaseAddress, "/signout-proconnect" + logout.Query));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        // The issuer matches, but the session is FranceConnect's: ProConnect's path does not end it.
        Assert.Equal(HttpStatusCode.OK, wrongProvider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/famille/demandes")).StatusCode);
    }

    [Fact]
    public async Task ACall_WithoutSid_IsRefused()
    {
        using var refused = await App.Client().GetAsync($"/signout-franceconnect?iss={Uri.EscapeDataString(external.Provider.Authority.ToString())}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [GeneratedRegex("<iframe src=\"([^\"]+)\"")]
    private static partial Regex FrameSource();
}
