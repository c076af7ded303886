using Berceau.Data;
using Berceau.Data.Identity;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// OpenID Connect Front-Channel Logout 1.0: when a person signs out at FranceConnect or ProConnect, the provider's page
/// loads, in a hidden frame, our <c>frontchannel_logout_uri</c> (<c>/signout-{provider}</c>, the OpenID Connect handler's
/// remote sign-out path) with its issuer (<c>iss</c>) and the session's id (<c>sid</c>, from the ID token of the sign-in).
/// The request counts only when <c>iss</c> is the issuer of the configured provider that path belongs to and a
/// <c>sid</c> is given; then every session of that sid ends on the server (<see cref="ExternalSessions"/>), and the cookie
/// of this browser, if it sent it and it is that session, is removed. Any other request changes nothing (400). The answer
/// is a tiny page that only that provider may frame (<c>frame-ancestors</c>), never cached.
/// </summary>
internal static class FrontChannelLogout
{
    public static async Task HandleAsync(RemoteSignOutContext context, ExternalProvider provider)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        var issuer = await IssuerAsync(context.Options, ct);
        var sid = context.ProtocolMessage?.Sid;
        var iss = context.ProtocolMessage?.Iss;
        if (issuer is null || string.IsNullOrEmpty(sid) || !string.Equals(iss, issuer, StringComparison.Ordinal))
        {
            await AnswerAsync(http, issuer, StatusCodes.Status400BadRequest, "Demande de fin de session refusée.");
            return;
        }

        // Whose cookie came with the request, read before the session's row goes (after, the cookie is refused anyway).
        var browser = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var browserSession = browser.Principal is { } principal ? ExternalSessions.Of(principal) : null;
        var services = http.RequestServices;
        var ended = await services.GetRequiredService<ExternalSessions>().EndAsync(provider.Scheme, sid, ct);
        var audit = services.GetRequiredService<AuditLog>();
        foreach (var userId in ended)
            audit.Record("deconnexion", AccountAudit.UserEntity, userId, $"fin de session demandée par {provider.DisplayName}");
        await services.GetRequiredService<BerceauDbContext>().SaveChangesAsync(ct);
        if (browserSession is { } session && session.Scheme == provider.Scheme && session.Sid == sid)
            await services.GetRequiredService<SignInManager<BerceauUser>>().SignOutAsync();
        await AnswerAsync(http, issuer, StatusCodes.Status200OK, "Vous êtes déconnecté.");
    }

    /// <summary>The provider's issuer, from its discovery document (null when it cannot be read: nothing is then ended).</summary>
    private static async Task<string?> IssuerAsync(OpenIdConnectOptions options, CancellationToken ct)
    {
        try
        {
            return (await options.ConfigurationManager!.GetConfigurationAsync(ct)).Issuer;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static async Task AnswerAsync(HttpContext http, string? issuer, int status, string text)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
        // Framed by the provider's page only; no script, style or anything else is loaded.
        var origin = issuer is not null && Uri.TryCreate(issuer, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "'none'";
        response.Headers.ContentSecurityPolicy = $"default-src 'none'; frame-ancestors {origin}";
        await response.WriteAsync($"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{text}</title></head><body><p>{text}</p></body></html>""", http.RequestAborted);
    }
}
