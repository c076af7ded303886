using System.Net;
using Berceau.TestIdentityProvider;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Account.External;

/// <summary>
/// A real OpenID Connect provider (tests/Berceau.TestIdentityProvider, OpenIddict) on Kestrel, and Berceau configured
/// with FranceConnect and ProConnect both pointing at it, each with its own client registration, as a deployment would.
/// </summary>
public sealed class ExternalLoginApp : IAsyncLifetime
{
    public const string FranceConnectClient = "berceau-franceconnect";
    public const string ProConnectClient = "berceau-proconnect";
    private const string Secret = "un secret de client de test";

    public IdentityProvider Provider { get; private set; } = null!;
    public BerceauApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await IdentityProvider.StartAsync();
        var settings = new Dictionary<string, string?>();
        foreach (var (section, client) in new[] { ("FranceConnect", FranceConnectClient), ("ProConnect", ProConnectClient) })
        {
            settings[$"Authentication:{section}:Authority"] = Provider.Authority.ToString();
            settings[$"Authentication:{section}:ClientId"] = client;
            settings[$"Authentication:{section}:ClientSecret"] = Secret;
            settings[$"Authentication:{section}:RequireHttpsMetadata"] = "false";
        }
        // The provider signs tokens with the real clock, and the state and nonce cookies must outlive the round trip in
        // the test client's real time: the OpenID Connect handler keeps the system clock, the rest of the app the fixed one.
        App = new BerceauApp(settings, services => services.PostConfigureAll<OpenIdConnectOptions>(o => o.TimeProvider = TimeProvider.System));
        await Provider.RegisterClientAsync(FranceConnectClient, Secret, new Uri(App.BaseAddress, "/signin-franceconnect"),
            new Uri(App.BaseAddress, "/signout-callback-franceconnect"), new Uri(App.BaseAddress, "/signout-franceconnect"));
        await Provider.RegisterClientAsync(ProConnectClient, Secret, new Uri(App.BaseAddress, "/signin-proconnect"),
            new Uri(App.BaseAddress, "/signout-callback-proconnect"), new Uri(App.BaseAddress, "/signout-proconnect"));
        await WarmUpAsync();
    }

    /// <summary>
    /// One round trip per provider before the tests: the first one pays for the discovery document, the keys and both
    /// hosts' first requests, which on a busy machine could exceed a browser test's timeout.
    /// </summary>
    private async Task WarmUpAsync()
    {
        foreach (var provider in new[] { "franceconnect", "proconnect" })
            await SignInWithAsync(App.Client(), provider, NewPerson());
    }

    /// <summary>A person the provider knows, with a unique login and e-mail.</summary>
    public TestPerson NewPerson(bool mfa = false, string? email = null)
    {
        var person = TestPerson.Unique(mfa: mfa, email: email);
        Provider.AddPerson(person);
        return person;
    }

    /// <summary>
    /// Clicks "Se connecter avec …" on Berceau's sign-in page, logs in at the provider as <paramref name="person"/>, and
    /// follows every redirect (provider and Berceau alike) until a page is shown, or until the browser is about to be
    /// sent to a URL for which <paramref name="stopBefore"/> is true (that redirect is then returned).
    /// </summary>
    public async Task<HttpResponseMessage> SignInWithAsync(HttpClient client, string provider, TestPerson person, Func<Uri, bool>? stopBefore = null)
    {
        var response = await Forms.PostFormToAsync(client, "/compte/connexion", "/compte/externe/connexion/" + provider, []);
        response = await FollowAsync(client, response, stopBefore);
        Assert.Equal(IdentityProvider.LoginPath, response.RequestMessage!.RequestUri!.AbsolutePath);
        var returnUrl = Forms.HiddenValue(await response.Content.ReadAsStringAsync(), "returnUrl")!;
        using var login = new FormUrlEncodedContent([KeyValuePair.Create("login", person.Login), KeyValuePair.Create("returnUrl", returnUrl)]);
        response = await client.PostAsync(new Uri(Provider.Authority, IdentityProvider.LoginPath.TrimStart('/')), login);
        return await FollowAsync(client, response, stopBefore);
    }

    /// <summary>Follows redirects as a browser would, across Berceau and the provider.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(HttpClient client, HttpResponseMessage response, Func<Uri, bool>? stopBefore = null)
    {
        for (var hops = 0; IsRedirect(response.StatusCode); hops++)
        {
            Assert.True(hops < 20, "Trop de redirections.");
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (stopBefore?.Invoke(next) == true) return response;
            response = await client.GetAsync(next);
        }
        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.MovedPermanently;

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExternalLoginCollection : ICollectionFixture<ExternalLoginApp>
{
    public const string Name = "external-login";
}
