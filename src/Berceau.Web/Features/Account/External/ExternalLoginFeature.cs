using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// Sign-in by FranceConnect (families) and ProConnect (staff), each switched on by its configuration section alone
/// (docs/identity.md): without <c>Authentication:FranceConnect</c> nothing about FranceConnect exists, no button, no
/// route. Both are plain OpenID Connect: authorization code flow with PKCE, state and nonce checked by ASP.NET Core's
/// handler, the identity then handed to Identity's external cookie for <see cref="ExternalAccounts"/> to decide.
/// </summary>
public static class ExternalLoginFeature
{
    public const string StartPath = "/compte/externe/connexion";
    public const string ReturnPath = "/compte/externe/retour";
    public const string LinkPath = "/compte/externe/lier";
    public const string CreatePath = "/compte/externe/creer";

    /// <summary>Where the provider ends a session of ours (OpenID Connect Front-Channel Logout): register it as its frontchannel_logout_uri.</summary>
    public static string FrontChannelLogoutPath(ExternalProvider provider) => "/signout-" + provider.Slug;

    /// <summary>What FranceConnect and ProConnect need by default; each value can be overridden in the section.</summary>
    private sealed record Known(ExternalProvider Provider, string Scopes, string? AcrValues);

    private static readonly Known[] KnownProviders =
    [
        // eidas1: the "low" eIDAS level FranceConnect asks its partners to request (acr_values).
        new(new ExternalProvider("FranceConnect", "FranceConnect", "franceconnect", ExternalAudience.Family, "https://franceconnect.gouv.fr/"),
            "openid email given_name family_name", "eidas1"),
        new(new ExternalProvider("ProConnect", "ProConnect", "proconnect", ExternalAudience.Staff, "https://www.proconnect.gouv.fr/"),
            "openid email given_name usual_name uid", null),
    ];

    public static IServiceCollection AddExternalLoginFeature(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = new List<ExternalProvider>();
        foreach (var known in KnownProviders)
        {
            var section = configuration.GetSection("Authentication:" + known.Provider.Scheme);
            if (!section.Exists()) continue;
            var settings = section.Get<ExternalProviderSettings>() ?? new ExternalProviderSettings();
            Validate(known.Provider.Scheme, settings);
            var provider = known.Provider with
            {
                MultiFactorMethods = settings.MultiFactorMethods ?? known.Provider.MultiFactorMethods,
                EmailsVerified = settings.EmailsVerified,
            };
            services.AddAuthentication().AddOpenIdConnect(provider.Scheme, provider.DisplayName, o => Configure(o, provider, settings, known));
            configured.Add(provider);
        }
        services.AddSingleton(new ExternalProviders(configured));
        services.AddScoped<ExternalAccounts>();
        services.AddScoped<ExternalSignOut>();
        services.AddScoped<ExternalSessions>();
        // A session the provider ended (front-channel logout) is refused at its next request, after Identity's own check.
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, o =>
        {
            var securityStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await securityStamp(context);
                await ExternalSessions.ValidateAsync(context);
            };
        });
        return services;
    }

    /// <summary>A section that exists but cannot work stops the start, rather than showing a button that fails.</summary>
    private static void Validate(string scheme, ExternalProviderSettings settings)
    {
        string? missing =
            !Uri.TryCreate(settings.Authority, UriKind.Absolute, out _) ? "Authority (adresse absolue du fournisseur)"
            : string.IsNullOrWhiteSpace(settings.ClientId) ? "ClientId"
            : string.IsNullOrWhiteSpace(settings.ClientSecret) ? "ClientSecret (par user-secrets ou variable d’environnement)"
            : null;
        if (missing is not null)
            throw new InvalidOperationException($"Configuration « Authentication:{scheme} » incomplète : {missing}. Voir docs/identity.md.");
    }

    private static void Configure(OpenIdConnectOptions o, ExternalProvider provider, ExternalProviderSettings settings, Known known)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.CallbackPath = settings.CallbackPath ?? "/signin-" + provider.Slug;
        // Two providers must not answer on the same default paths.
        o.SignedOutCallbackPath = "/signout-callback-" + provider.Slug;
        // The front-channel logout URI to register with the provider (FrontChannelLogout).
        o.RemoteSignOutPath = FrontChannelLogoutPath(provider);
        o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query of a top-level GET (FranceConnect's and ProConnect's way), so the state and
        // nonce cookies can be SameSite=Lax instead of None, and are Secure whenever the site is on HTTPS.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Scope.Clear();
        foreach (var scope in (settings.Scopes ?? known.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("openid").Distinct())
            o.Scope.Add(scope);
        // Names and e-mail come from the userinfo endpoint (both providers put only sub, acr and amr in the ID token).
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        o.SaveTokens = false;
        o.ClaimActions.MapUniqueJsonKey(ExternalIdentity.EmailVerifiedClaim, ExternalIdentity.EmailVerifiedClaim);
        o.ClaimActions.MapUniqueJsonKey(ExternalIdentity.UsualNameClaim, ExternalIdentity.UsualNameClaim);
        // Kept for the audit line (the handler drops acr by default).
        o.ClaimActions.Remove(ExternalIdentity.AcrClaim);

        var acrValues = settings.AcrValues ?? known.AcrValues;
        o.Events.OnRedirectToIdentityProvider = context =>
        {
            if (!string.IsNullOrWhiteSpace(acrValues))
                context.ProtocolMessage.AcrValues = acrValues;
            // ProConnect puts amr in the ID token only when asked for it.
            if (provider.Audience == ExternalAudience.Staff && provider.MultiFactorMethods.Count > 0)
                context.ProtocolMessage.SetParameter("claims", """{"id_token":{"amr":{"essential":true}}}""");
            return Task.CompletedTask;
        };
        // The ID token goes with the identity, for the sign-out to send it back as id_token_hint (never stored in the database).
        o.Events.OnTokenValidated = context =>
        {
            var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken;
            if (!string.IsNullOrEmpty(idToken) && context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                identity.AddClaim(new System.Security.Claims.Claim(ExternalIdentity.IdTokenClaim, idToken));
            // The provider's session id, if it gives one, for its front-channel logout (copied before the handler's claim actions run).
            if (context.Principal?.FindFirst("sid")?.Value is { Length: > 0 } sid && context.Principal.Identity is System.Security.Claims.ClaimsIdentity withSid)
                withSid.AddClaim(new System.Security.Claims.Claim(ExternalIdentity.SessionIdClaim, sid));
            return Task.CompletedTask;
        };
        o.Events.OnRemoteSignOut = context => FrontChannelLogout.HandleAsync(context, provider);
        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            // Taken out of the properties before they are protected into the state parameter: the URL stays short.
            if (context.Properties.Items.Remove(ExternalSignOut.IdTokenHintItem, out var hint))
                context.ProtocolMessage.IdTokenHint = hint;
            return Task.CompletedTask;
        };
        // A refused or forged answer (state or nonce not ours, code rejected, the person cancelling at the provider)
        // ends on a French page saying so, never on an error 500.
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalLoginFeature))
                .LogWarning(context.Failure, "Connexion {Provider} refusée", provider.Scheme);
            context.Response.Redirect($"{ReturnPath}?echec={Uri.EscapeDataString(provider.Slug)}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
