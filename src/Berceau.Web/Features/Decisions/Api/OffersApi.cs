using Berceau.Domain.Access;
using Berceau.Web.Features.Applications;
using Berceau.Web.Features.Applications.Api;
using Berceau.Web.Features.OpenData;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Decisions.Api;

/// <summary>
/// /api/v1/propositions: the place offers of commissions. A family reads its own and answers them before the deadline; an agent
/// or an admin reads those of the communes of their territory (never answers: the family does, online or at the counter). Same
/// rules as /api/v1/demandes: the site's cookie (401 otherwise), two-factor authentication for staff, POSTs with the
/// antiforgery header and an Idempotency-Key, French problem+json.
/// </summary>
public static class OffersApi
{
    public const string Tag = "Propositions de place (connecté)";

    public static WebApplication MapOffersApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/propositions")
            .RequireAuthorization(p => p.RequireRole([Roles.Family, .. ApplicationApiQueries.StaffRoles]))
            .AddEndpointFilter(ApplicationsApi.StaffNeedTwoFactorAsync)
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("", ListAsync)
            .WithName("ListerPropositions")
            .WithSummary("Lister les propositions de place")
            .WithDescription("Une famille voit les propositions faites à ses demandes ; un agent ou un administrateur, celles des "
                + "demandes des communes de son territoire (commune : code INSEE d’une de ces communes, sinon 403). Filtre statut : "
                + string.Join(", ", OfferStatusCodes.All.Select(s => s.Code)) + ". Les plus récentes d’abord, paginées (page, parPage : "
                + $"1 à {ApplicationsApi.MaxPageSize}, {ApplicationsApi.DefaultPageSize} par défaut). « open » dit si la famille peut encore répondre.")
            .Produces<OfferListPage>()
            .ProducesValidationProblem();

        api.MapPost("/{id:guid}/reponse", AnswerOfferEndpoint.HandleAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Family))
            .RequireAntiforgeryHeader()
            .WithName("RepondreProposition")
            .WithSummary("Accepter ou refuser une proposition (famille)")
            .WithDescription("Corps : { \"choice\": \"" + OfferActions.Accept + "\" ou \"" + OfferActions.Refuse + "\", \"reason\": motif du "
                + "refus, facultatif }. Seulement avant la date limite (incluse) et une seule fois : une proposition déjà acceptée, refusée, "
                + "expirée ou retirée répond 409. Une proposition d’une autre famille répond 404. Refuser libère la place pour la famille "
                + "suivante. En-têtes obligatoires : Idempotency-Key (la même requête renvoyée avec la même clé rend la même réponse) et "
                + "RequestVerificationToken (voir /api/v1/antiforgery).")
            .Accepts<OfferAnswerInput>("application/json")
            .Produces<OfferResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> ListAsync(string? page, string? parPage, string? statut, string? commune, OfferApiQueries queries,
        AuditLog audit, Berceau.Data.BerceauDbContext db, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var number = errors.Integer("page", page, 1, int.MaxValue, example: 2) ?? 1;
        var size = errors.Integer("parPage", parPage, 1, ApplicationsApi.MaxPageSize, example: ApplicationsApi.DefaultPageSize) ?? ApplicationsApi.DefaultPageSize;
        var status = string.IsNullOrWhiteSpace(statut) ? null : OfferStatusCodes.Parse(statut);
        if (!string.IsNullOrWhiteSpace(statut) && status is null)
            errors.Add("statut", $"Statut inconnu : choisissez parmi {string.Join(", ", OfferStatusCodes.All.Select(s => s.Code))}.");
        var communeCode = string.IsNullOrWhiteSpace(commune) ? null : commune.Trim();
        if (errors.Any) return errors.ToValidationProblem();
        if (communeCode is not null && !queries.IsFamily && !(await queries.StaffCommunesAsync(ct)).Contains(communeCode))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Commune hors de votre territoire",
                detail: $"La commune {communeCode} n’est pas dans votre territoire : vous ne pouvez pas lire ses propositions.");
        var result = await queries.ListAsync(status, communeCode, number, size, ct);
        // Staff reading families' offers is logged, as their applications are.
        if (!queries.IsFamily)
        {
            audit.Record("lecture", DecisionAudit.OfferType, null, $"liste par l’API : page {number}, {result.Items.Count} proposition(s)"
                + (communeCode is null ? "" : $", commune {communeCode}"));
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(result);
    }
}
