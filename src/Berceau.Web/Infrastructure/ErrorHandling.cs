namespace Berceau.Web.Infrastructure;

public static class ErrorHandling
{
    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Users never see a stack trace: the API answers problem+json (RFC 9457), pages show the French error page
    /// with the request id to quote to support.
    /// </summary>
    public static WebApplication UseBerceauErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/erreur/500");
            pages.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        return app;
    }

    /// <summary>French titles and a trace id on every problem+json the API returns.</summary>
    public static IServiceCollection AddFrenchProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            ctx.ProblemDetails.Title = status switch
            {
                400 => ctx.ProblemDetails.Title is { } t && !t.StartsWith("One or more", StringComparison.Ordinal) && !t.StartsWith("Bad", StringComparison.Ordinal) ? t : "Requête invalide",
                401 => "Authentification requise",
                403 => "Accès refusé",
                404 => ctx.ProblemDetails.Title is { } nt && !nt.StartsWith("Not", StringComparison.Ordinal) ? nt : "Ressource introuvable",
                405 => "Méthode non autorisée",
                409 => ctx.ProblemDetails.Title ?? "Conflit",
                429 => "Trop de requêtes",
                // A temporary overload that says what to do (nothing saved, send again) keeps its French title and detail.
                503 when ctx.ProblemDetails.Title is { } busy && !busy.StartsWith("Service Unavailable", StringComparison.Ordinal) => busy,
                >= 500 => "Erreur interne",
                _ => ctx.ProblemDetails.Title,
            };
            if (status >= 500 && ctx.ProblemDetails.Title == "Erreur interne")
                ctx.ProblemDetails.Detail = "Une erreur inattendue est survenue. Si elle persiste, communiquez l’identifiant de la requête (traceId).";
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
}
