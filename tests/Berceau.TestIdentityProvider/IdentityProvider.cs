using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Berceau.TestIdentityProvider;

/// <summary>
/// A real OpenID Connect provider (OpenIddict server) on Kestrel, shaped like FranceConnect and ProConnect for what
/// Berceau relies on: authorization code flow with PKCE required, confidential clients with exact redirect URIs, signed
/// ID tokens carrying <c>amr</c> (and <c>acr</c> = the requested <c>acr_values</c>), identity claims from the userinfo
/// endpoint. "Logging in" is typing a known login in a plain form; consent is implicit. Keys are ephemeral and the store
/// is in-memory SQLite: nothing outlives the process. Each login opens a session with an id (<c>sid</c>, in the ID
/// tokens), and the provider supports OpenID Connect Front-Channel Logout: <see cref="LogoutPath"/> ends its session and
/// answers a page that frames the front-channel logout URI of every client the session signed in to, with
/// <c>iss</c> and <c>sid</c>, as FranceConnect's and ProConnect's logout pages do.
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    public const string LoginPath = "/connexion";
    /// <summary>Signing out at the provider itself (its session, and the clients' through front-channel logout).</summary>
    public const string LogoutPath = "/deconnexion";
    private const string SessionScheme = "provider-session";
    private const string LoginClaim = "login";
    private const string SessionIdClaim = "sid";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;
    private readonly ConcurrentDictionary<string, TestPerson> _people;
    private readonly ConcurrentQueue<EndedSession> _ended;
    private readonly FrontChannel _frontChannel;

    private IdentityProvider(WebApplication app, SqliteConnection store, ConcurrentDictionary<string, TestPerson> people, ConcurrentQueue<EndedSession> ended,
        FrontChannel frontChannel)
    {
        _app = app;
        _store = store;
        _people = people;
        _ended = ended;
        _frontChannel = frontChannel;
    }

    /// <summary>The sessions ended at the end-session endpoint, oldest first: whose (the id_token_hint's subject) and for which client.</summary>
    public IReadOnlyCollection<EndedSession> EndedSessions => _ended;

    /// <summary>The issuer, as a client's Authority setting (ends with a slash).</summary>
    public Uri Authority { get; private set; } = null!;

    /// <summary>Starts the provider on <paramref name="url"/> (port 0 = any free port on loopback).</summary>
    public static async Task<IdentityProvider> StartAsync(string url = "http://127.0.0.1:0")
    {
        var people = new ConcurrentDictionary<string, TestPerson>(StringComparer.Ordinal);
        var ended = new ConcurrentQueue<EndedSession>();
        var frontChannel = new FrontChannel();
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();

        var builder = WebApplication.CreateSlimBuilder();
        // Not the appsettings.json of whatever folder it runs from (the tests' holds Berceau's): warnings only.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("Logging:LogLevel:Default", "Warning")]);
        builder.WebHost.UseUrls(url);
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite(store);
            o.UseOpenIddict();
        });
        builder.Services.AddAuthentication(SessionScheme)
            .AddCookie(SessionScheme, o =>
            {
                o.Cookie.Name = "provider.session";
                o.LoginPath = LoginPath;
            });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // FranceConnect and ProConnect name scopes after claims (given_name, usual_name…): accept any.
                o.DisableScopeValidation();
                o.IgnoreScopePermissions();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Loopback over plain HTTP in tests; the real providers are HTTPS only.
                    .DisableTransportSecurityRequirement();
                // Advertised in the discovery document, as FranceConnect and ProConnect do (OpenID Connect Front-Channel Logout 1.0).
                o.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.HandleConfigurationRequestContext>(handler => handler.UseInlineHandler(context =>
                {
                    context.Metadata["frontchannel_logout_supported"] = true;
                    context.Metadata["frontchannel_logout_session_supported"] = true;
                    return default;
                }));
            });

        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();

        app.UseAuthentication();
        app.MapGet(LoginPath, LoginForm);
        // Cast to Delegate so that the IResult returned is written (a plain RequestDelegate would discard it).
        app.MapPost(LoginPath, (Delegate)((HttpContext http) => LogInAsync(http, people)));
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)((HttpContext http) => AuthorizeAsync(http, people, frontChannel)));
        app.MapGet(LogoutPath, (Delegate)((HttpContext http) => LogOutAsync(http, frontChannel)));
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync);
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)((HttpContext http) => EndSessionAsync(http, ended)));

        await app.StartAsync();
        var provider = new IdentityProvider(app, store, people, ended, frontChannel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    /// <summary>Makes <paramref name="person"/> able to log in.</summary>
    public void AddPerson(TestPerson person) => _people[person.Login] = person;

    /// <summary>Registers a confidential client (as FranceConnect's or ProConnect's partner space does) for one redirect URI.</summary>
    /// <param name="postLogoutRedirectUri">Where the provider may send the browser back after ending its session (RP-initiated logout).</param>
    /// <param name="frontChannelLogoutUri">The client's frontchannel_logout_uri: framed with iss and sid by <see cref="LogoutPath"/>.</param>
    public async Task RegisterClientAsync(string clientId, string clientSecret, Uri redirectUri, Uri? postLogoutRedirectUri = null, Uri? frontChannelLogoutUri = null)
    {
        if (frontChannelLogoutUri is not null) _frontChannel.LogoutUris[clientId] = frontChannelLogoutUri;
        await using var scope = _app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (postLogoutRedirectUri is not null)
        {
            descriptor.PostLogoutRedirectUris.Add(postLogoutRedirectUri);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
        }
        await manager.CreateAsync(descriptor);
    }

    private static IResult LoginForm(string? returnUrl) => Results.Content($"""
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d’identité de test</title></head>
        <body><main>
        <h1>Fournisseur d’identité de test</h1>
        <form method="post" action="{LoginPath}">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}">
          <label for="login">Identifiant</label>
          <input id="login" name="login" autocomplete="username">
          <button type="submit">Se connecter</button>
        </form>
        </main></body></html>
        """, "text/html; charset=utf-8");

    private static async Task<IResult> LogInAsync(HttpContext http, ConcurrentDictionary<string, TestPerson> people)
    {
        var form = await http.Request.ReadFormAsync();
        var login = form["login"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (!people.ContainsKey(login))
            return Results.Content("Identifiant inconnu.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        var session = new ClaimsIdentity([new Claim(LoginClaim, login), new Claim(SessionIdClaim, Guid.NewGuid().ToString("N"))], SessionScheme);
        await http.SignInAsync(SessionScheme, new ClaimsPrincipal(session));
        return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, ConcurrentDictionary<string, TestPerson> people, FrontChannel frontChannel)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Pas une requête OpenID Connect.");
        var session = await http.AuthenticateAsync(SessionScheme);
        var login = session.Principal?.FindFirst(LoginClaim)?.Value;
        if (login is null || !people.TryGetValue(login, out var person))
            return Results.Redirect(LoginPath + "?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.EmailVerified, person.EmailVerified)
            .SetClaim(Claims.GivenName, person.GivenName)
            .SetClaim(Claims.FamilyName, person.FamilyName)
            .SetClaim("usual_name", person.FamilyName)
            .SetClaims(Claims.AuthenticationMethodReference, [.. person.Amr]);
        // The provider's session, named in the ID token so that its front-channel logout can name it back.
        if (session.Principal?.FindFirst(SessionIdClaim)?.Value is { } sid)
        {
            identity.SetClaim(SessionIdClaim, sid);
            frontChannel.ClientsOf.GetOrAdd(sid, _ => new ConcurrentDictionary<string, bool>())[request.ClientId!] = true;
        }
        if (request.AcrValues is { Length: > 0 } acr)
            identity.SetClaim(Claims.AuthenticationContextReference, acr.Split(' ')[0]);
        identity.SetScopes(request.GetScopes());
        // As at FranceConnect, the ID token says who and how (sub, amr, acr); the rest comes from the userinfo endpoint.
        identity.SetDestinations(claim => claim.Type is Claims.Subject or Claims.AuthenticationMethodReference or Claims.AuthenticationContextReference or SessionIdClaim
            ? [Destinations.IdentityToken, Destinations.AccessToken]
            : [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// RP-initiated logout, as FranceConnect and ProConnect do it: OpenIddict has already checked the id_token_hint (issued
    /// here) and the post_logout_redirect_uri (registered for the client); the person's session here ends, and the browser
    /// goes back to the client with its state.
    /// </summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http, ConcurrentQueue<EndedSession> ended)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("Pas une requête OpenID Connect.");
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        ended.Enqueue(new EndedSession(hint.Principal?.GetClaim(Claims.Subject), request.IdTokenHint is not null,
            hint.Principal?.GetClaim(Claims.Private.Presenter) ?? hint.Principal?.GetAudiences().FirstOrDefault()));
        await http.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// The person signs out at the provider: its session ends, and the page frames each client's front-channel logout URI
    /// with the issuer and the session id (OpenID Connect Front-Channel Logout 1.0, section 2).
    /// </summary>
    private static async Task<IResult> LogOutAsync(HttpContext http, FrontChannel frontChannel)
    {
        var session = await http.AuthenticateAsync(SessionScheme);
        await http.SignOutAsync(SessionScheme);
        var issuer = $"{http.Request.Scheme}://{http.Request.Host}/";
        var frames = "";
        if (session.Principal?.FindFirst(SessionIdClaim)?.Value is { } sid && frontChannel.ClientsOf.TryRemove(sid, out var clients))
        {
            foreach (var client in clients.Keys.Order(StringComparer.Ordinal))
            {
                if (!frontChannel.LogoutUris.TryGetValue(client, out var uri)) continue;
                var src = $"{uri}?iss={Uri.EscapeDataString(issuer)}&sid={Uri.EscapeDataString(sid)}";
                frames += $"""<iframe src="{WebUtility.HtmlEncode(src)}" title="{WebUtility.HtmlEncode(client)}" hidden></iframe>""";
            }
        }
        return Results.Content($"""
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>Déconnexion</title></head>
            <body><main><h1>Vous êtes déconnecté du fournisseur d’identité de test</h1>{frames}</main></body></html>
            """, "text/html; charset=utf-8");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        string? Claim(string type) => principal.GetClaim(type);
        return Results.Json(new Dictionary<string, object?>
        {
            [Claims.Subject] = Claim(Claims.Subject),
            [Claims.Email] = Claim(Claims.Email),
            [Claims.EmailVerified] = bool.TryParse(Claim(Claims.EmailVerified), out var verified) && verified,
            [Claims.GivenName] = Claim(Claims.GivenName),
            [Claims.FamilyName] = Claim(Claims.FamilyName),
            ["usual_name"] = Claim("usual_name"),
        });
    }

    /// <summary>Until Ctrl+C or SIGTERM.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }
}

/// <summary>Front-channel logout: each client's URI, and the clients each session (sid) signed in to.</summary>
internal sealed class FrontChannel
{
    public ConcurrentDictionary<string, Uri> LogoutUris { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> ClientsOf { get; } = new(StringComparer.Ordinal);
}

/// <summary>A session ended at the provider: the subject of the id_token_hint, whether one was sent, and for which client.</summary>
public sealed record EndedSession(string? Subject, bool HadIdTokenHint, string? ClientId);
