using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// Signing out of a session opened through FranceConnect or ProConnect also ends the provider's session (RP-initiated
/// logout, OpenID Connect): the browser goes to the provider's <c>end_session_endpoint</c> with the session's ID token as
/// <c>id_token_hint</c> and comes back to <c>/signout-callback-{provider}</c>, then home. Otherwise the next person at a
/// shared computer would be signed in at the provider without typing anything.
/// </summary>
public sealed class ExternalSignOut(ExternalProviders providers, IOptionsMonitor<OpenIdConnectOptions> options, ILogger<ExternalSignOut> logger)
{
    /// <summary>The item of the sign-out's properties carrying the hint to the handler (removed before the state is written).</summary>
    public const string IdTokenHintItem = "berceau:id_token_hint";

    /// <summary>
    /// The provider whose session to end and the properties to sign out of it with, or null for a local account, a session
    /// without ID token, or a provider without end-session endpoint (or unreachable: Berceau's sign-out must still work).
    /// </summary>
    public async Task<(ExternalProvider Provider, AuthenticationProperties Properties)?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var provider = providers.ByScheme(user.FindFirstValue(ClaimTypes.AuthenticationMethod));
        var idToken = user.FindFirstValue(ExternalIdentity.IdTokenClaim);
        if (provider is null || string.IsNullOrEmpty(idToken)) return null;
        try
        {
            var configuration = await options.Get(provider.Scheme).ConfigurationManager!.GetConfigurationAsync(ct);
            if (string.IsNullOrEmpty(configuration.EndSessionEndpoint)) return null;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            logger.LogWarning(e, "Fin de session {Provider} impossible : configuration du fournisseur illisible", provider.Scheme);
            return null;
        }
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        properties.Items[IdTokenHintItem] = idToken;
        return (provider, properties);
    }
}
