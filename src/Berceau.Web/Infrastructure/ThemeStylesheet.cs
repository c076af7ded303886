using Berceau.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// The deployment's brand colour as a one-rule stylesheet (<see cref="DeploymentOptions.BrandColour"/>): a file rather than
/// a style attribute on &lt;html&gt;, because the Content Security Policy allows no inline style. The layout links it
/// with the colour in the address, so a changed colour is a new address and browsers may keep it for a day.
/// </summary>
public static class ThemeStylesheet
{
    public const string Path = "/css/theme.css";

    /// <summary>The layout's link, or null when the deployment keeps the compiled default colour.</summary>
    public static string? HrefFor(DeploymentOptions deployment) =>
        deployment.SafeBrandColour is { } colour && !colour.Equals(DeploymentOptions.DefaultBrandColour, StringComparison.OrdinalIgnoreCase)
            ? $"{Path}?c={colour.TrimStart('#')}"
            : null;

    public static WebApplication MapThemeStylesheet(this WebApplication app)
    {
        app.MapGet(Path, (IOptions<DeploymentOptions> options, HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=86400";
            // html:root outranks the compiled :root rule whatever the order of the two files.
            var css = options.Value.SafeBrandColour is { } colour ? $"html:root {{ --berceau-brand: {colour}; }}\n" : "";
            return Results.Text(css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
