using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// The response headers every page and API answer carries (docs/security.md): a Content Security Policy that allows no inline
/// script or style and no other site (every asset is served from here), no framing, no MIME sniffing, a referrer that never
/// leaves the site with a path, HSTS outside development, and no caching of what a signed-in person reads. A response that sets its own policy keeps it (the
/// front-channel logout page, which only its provider may frame; the API documentation page).
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// The site's policy. <c>form-action</c> also names the configured identity providers: after the sign-in and sign-out
    /// forms, the browser follows a redirect to them, and Chromium checks that redirect against <c>form-action</c>.
    /// </summary>
    public static string Policy(IEnumerable<string> providerOrigins, string? tileOrigin = null, string? scriptNonce = null)
    {
        var formTargets = string.Join(" ", new[] { "'self'" }.Concat(providerOrigins.Distinct(StringComparer.OrdinalIgnoreCase)));
        // The API documentation (Scalar) starts with one inline script carrying a per-request nonce, and its framework
        // inserts <style> elements: only that page, which shows no personal data, gets the nonce and inline styles.
        var scripts = scriptNonce is null ? "script-src 'self'; style-src 'self'" : $"script-src 'self' 'nonce-{scriptNonce}'; style-src 'self' 'unsafe-inline'";
        var images = tileOrigin is null ? "'self' data:" : $"'self' data: {tileOrigin}";
        return $"default-src 'self'; {scripts}; img-src {images}; font-src 'self'; connect-src 'self'; "
            + $"object-src 'none'; base-uri 'self'; form-action {formTargets}; frame-ancestors 'none'";
    }

    /// <summary>The origins (scheme, host, port) of the OpenID Connect providers configured under <c>Authentication</c>.</summary>
    public static IReadOnlyList<string> ProviderOrigins(IConfiguration configuration) =>
        [.. configuration.GetSection("Authentication").GetChildren()
            .Select(p => p["Authority"])
            .Where(a => Uri.TryCreate(a, UriKind.Absolute, out _))
            .Select(a => new Uri(a!).GetLeftPart(UriPartial.Authority))];

    /// <summary>
    /// The source to allow in <c>img-src</c> for the map tiles when a deployment configures a tile server (<c>Map:TileUrl</c>,
    /// e.g. <c>https://{s}.tile.example.org/{z}/{x}/{y}.png</c>): its scheme and host, a placeholder label becoming <c>*</c>.
    /// </summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl)) return null;
        var match = TileHost().Match(tileUrl);
        if (!match.Success) return null;
        var labels = match.Groups["host"].Value.Split('.').Select(l => l.Contains('{') ? "*" : l);
        return match.Groups["scheme"].Value + "://" + string.Join(".", labels);
    }

    [GeneratedRegex("^(?<scheme>https?)://(?<host>[^/:]+(?::[0-9]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex TileHost();

    public static WebApplication UseBerceauSecurityHeaders(this WebApplication app)
    {
        var providers = ProviderOrigins(app.Configuration);
        var tiles = TileOrigin(app.Configuration["Map:TileUrl"]);
        var policy = Policy(providers, tiles);
        if (app.Configuration.GetValue<bool>("Deployment:BehindProxy"))
        {
            // Behind nginx the scheme and the client address come from the proxy's headers, so that HSTS, secure cookies
            // and rate limiting by address see the real request. Only the proxies of KnownProxies (default: loopback) are believed.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in app.Configuration.GetSection("Deployment:KnownProxies").Get<string[]>() ?? [])
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                    headers.ContentSecurityPolicy = context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce ? Policy(providers, tiles, nonce) : policy;
                headers.XContentTypeOptions = "nosniff";
                if (!headers.ContainsKey("Referrer-Policy")) headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), usb=()";
                // What a signed-in person reads (a family's file, a proof, an export) stays out of the browser's and the
                // proxies' caches, e.g. on a shared computer at the guichet; static files and answers that set their own keep theirs.
                if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint() is not null && !headers.ContainsKey("Cache-Control"))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
