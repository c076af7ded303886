using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Errors;

/// <summary>
/// The error page (/erreur/404, /erreur/403, /erreur/500…), reached through the status code pages and the exception
/// handler. It says what happened in French and gives a request id for support, never a technical detail.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string RequestId { get; private set; } = "";

    public string Title => Code switch
    {
        404 => "Page introuvable",
        403 => "Accès refusé",
        401 => "Connexion nécessaire",
        400 => "Demande incorrecte",
        405 => "Action non autorisée",
        429 => "Trop de demandes",
        >= 500 => "Une erreur est survenue",
        _ => "Une erreur est survenue",
    };

    public void OnGet(int? code) => Describe(code);

    // Status codes of POST requests are re-executed as POST: show the same page.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code is >= 400 and <= 599 ? code.Value : 500;
        // The exception handler passes the id of the failed request; otherwise this request's own id.
        var given = Request.Query["requete"].ToString();
        RequestId = SafeId().IsMatch(given) ? given : HttpContext.TraceIdentifier;
        Response.StatusCode = Code;
    }

    [GeneratedRegex("^[A-Za-z0-9:._|-]{1,64}$")]
    private static partial Regex SafeId();
}
