using Microsoft.AspNetCore.Antiforgery;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// The API is signed in with the site's cookie, which a browser also sends with a request forged by another site. Every
/// POST therefore carries the antiforgery token (from GET /api/v1/antiforgery) in the RequestVerificationToken header: a
/// page of another origin cannot read that token, nor set a custom header without a CORS preflight we never grant.
/// SameSite=Lax on the cookie is the second layer. See docs/architecture.md.
/// </summary>
internal static class ApiCsrf
{
    public const string TokenPath = "/antiforgery";

    public static RouteHandlerBuilder RequireAntiforgeryHeader(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Jeton anti-falsification manquant ou invalide",
                    detail: "Jeton anti-falsification manquant ou invalide. Demandez un jeton à GET /api/v1/antiforgery (une fois connecté) et renvoyez-le dans l’en-tête "
                        + "RequestVerificationToken de chaque POST, avec les cookies de la session.");
            return await next(context);
        });

    /// <summary>GET /api/v1/antiforgery: the token for this session (and its cookie), to send back in the header.</summary>
    public static IResult Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryTokenResource(tokens.HeaderName!, tokens.RequestToken!));
    }
}
