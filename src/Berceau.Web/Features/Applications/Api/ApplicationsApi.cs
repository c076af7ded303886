using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Features.OpenData;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// /api/v1/demandes: a family reads and creates its own applications; an agent or an admin reads those of their territory.
/// Signed in with the site's cookie (401 otherwise); POSTs carry the antiforgery header and an Idempotency-Key.
/// </summary>
public static class ApplicationsApi
{
    public const string Tag = "Demandes (connecté)";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static WebApplication MapApplicationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(p => p.RequireRole([Roles.Family, .. ApplicationApiQueries.StaffRoles]))
            .AddEndpointFilter(StaffNeedTwoFactorAsync)
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet(ApiCsrf.TokenPath, ApiCsrf.Token)
            .WithName("JetonAntiFalsification")
            .WithSummary("Obtenir le jeton anti-falsification")
            .WithDescription("À renvoyer dans l’en-tête RequestVerificationToken de chaque POST, avec les cookies de la session. "
                + "Le jeton est lié au compte connecté : redemandez-le après une nouvelle connexion.")
            .Produces<AntiforgeryTokenResource>();

        api.MapGet("/demandes", ListAsync)
            .WithName("ListerDemandes")
            .WithSummary("Lister les demandes")
            .WithDescription("Une famille voit ses propres demandes ; un agent ou un administrateur, celles des communes de son "
                + "territoire. Les plus récentes d’abord, paginées (page, parPage : 1 à 100, 20 par défaut).")
            .Produces<ApplicationListPage>()
            .ProducesValidationProblem();

        api.MapGet("/demandes/{id:guid}", DetailAsync)
            .WithName("ConsulterDemande")
            .WithSummary("Consulter une demande")
            .WithDescription("Une demande que l’appelant ne peut pas voir répond 404, comme une demande qui n’existe pas. "
                + "Chaque consultation par un agent est inscrite au journal d’accès.")
            .Produces<ApplicationResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/demandes", CreateApplicationEndpoint.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Family))
            .RequireAntiforgeryHeader()
            .WithName("DeposerDemande")
            .WithSummary("Déposer une demande (famille)")
            .WithDescription("Le corps reprend les champs du formulaire de demande (communeCode, street, postalCode, sectorId, "
                + "child{firstName, lastName, birthDate, expectedBirthDate}, guardians[{firstName, lastName, situation}], "
                + "childrenInHousehold (nombre d’enfants à charge, un entier JSON, par exemple 2), disabledMemberInHousehold, "
                + "receivesSocialMinimum (un membre du foyer touche un minimum social : RSA, AAH, ASS… ; la famille peut alors prendre une place réservée), "
                + "annualResources (ressources de l’année N-2 en euros, un nombre JSON, par exemple 32000 ou 32000.5), cafNumber, "
                + "quotientFamilial (quotient familial CAF en euros par mois, un nombre JSON, par exemple 850 ou 912.4) ; ces trois "
                + "nombres s’écrivent sans guillemets, comme dans la réponse, et un texte comme \"2\" est refusé (400 nommant le champ), "
                + "socialSupport (suivi par la PMI ou un service social), siblingFacilities et "
                + "partnerEmployerFacilities (identifiants de crèches de la commune : frère ou sœur déjà accueilli, employeur "
                + "partenaire d’un parent), desiredStart, days, from, to, "
                + "wishes[identifiant de crèche ou « secteur »], consent) ; mêmes contrôles que le formulaire. Les réponses aux "
                + "questions que la grille de points de la commune ne récompense pas sont ignorées. Avec brouillon=true, "
                + "la demande est enregistrée en brouillon. En-têtes obligatoires : Idempotency-Key (une clé par demande ; la même "
                + "requête renvoyée avec la même clé rend la même réponse sans rien créer, une autre requête avec la même clé "
                + "répond 422) et RequestVerificationToken (voir /api/v1/antiforgery). Erreurs de saisie : 400, un message "
                + "par champ dans « errors », rien n’est enregistré. Base momentanément surchargée : 503 avec Retry-After, rien n’est "
                + "enregistré, renvoyez la même requête avec la même clé.")
            .Accepts<Family.ApplicationInput>("application/json")
            .Produces<ApplicationResource>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ListAsync(string? page, string? parPage, ApplicationApiQueries queries, AuditLog audit, Berceau.Data.BerceauDbContext db, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var number = errors.Integer("page", page, 1, int.MaxValue, example: 2) ?? 1;
        var size = errors.Integer("parPage", parPage, 1, MaxPageSize, example: DefaultPageSize) ?? DefaultPageSize;
        if (errors.Any) return errors.ToValidationProblem();
        var result = await queries.ListAsync(number, size, ct);
        // Staff reading families' files is logged, lists included (who looked at which page of which territory).
        if (!queries.IsFamily)
        {
            audit.Record("lecture", ApplicationAudit.EntityType, null, $"liste par l’API : page {number}, {result.Items.Count} demande(s)");
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> DetailAsync(Guid id, ApplicationApiQueries queries, AuditLog audit, CancellationToken ct)
    {
        var application = await queries.FindAsync(id, ct);
        if (application is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Demande introuvable",
                detail: "Aucune demande ne porte cet identifiant parmi celles que vous pouvez consulter.");
        if (!queries.IsFamily) await audit.RecordReadAsync(ApplicationAudit.EntityType, id.ToString(), ct);
        return TypedResults.Ok(ApplicationResource.From(application));
    }

    /// <summary>Staff see other people's data: as on the /pro pages, two-factor authentication must be on.</summary>
    internal static async ValueTask<object?> StaffNeedTwoFactorAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApplicationApiQueries.StaffRoles.Any(http.User.IsInRole) && !http.User.IsInRole(Roles.Family))
        {
            var users = http.RequestServices.GetRequiredService<UserManager<BerceauUser>>();
            if (await users.GetUserAsync(http.User) is not { TwoFactorEnabled: true })
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Double authentification requise",
                    detail: "Activez la double authentification de votre compte (" + StaffTwoFactorFilter.SetupPath + ") avant d’utiliser l’API.");
        }
        return await next(context);
    }
}
