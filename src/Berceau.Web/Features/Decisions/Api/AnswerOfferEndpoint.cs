using System.Text.Json;
using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications.Api;
using Berceau.Web.Features.Applications.Family;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Berceau.Web.Features.Decisions.Api;

/// <summary>
/// POST /api/v1/propositions/{id}/reponse: the family accepts or refuses an offer, through the very verb of the decision page
/// (<see cref="OfferActions.AnswerAsync"/>: deadline, one answer only, the seat released on a refusal, the family told, the
/// audit). As for POST /api/v1/demandes, the Idempotency-Key is claimed, the answer given and the response stored in ONE
/// transaction: a client that lost the response and sends the same request again reads the same response.
/// </summary>
internal static class AnswerOfferEndpoint
{
    public const int MaxBodyBytes = 8 * 1024;

    public static async Task<IResult> HandleAsync(Guid id, HttpContext http, FamilyApplicationQueries applications, OfferActions actions,
        OfferApiQueries queries, BerceauDbContext db, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var key = http.Request.Headers[IdempotencyKeys.HeaderName].ToString();
        if (!IdempotencyKeys.IsValid(key))
            return Invalid("idempotencyKey", "En-tête Idempotency-Key manquant ou invalide : envoyez une clé unique par réponse "
                + "(par exemple un UUID, 200 caractères ASCII au plus), et la même clé si vous renvoyez la même réponse.");
        var body = await CreateApplicationEndpoint.ReadBodyAsync(http.Request, ct, MaxBodyBytes);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Requête trop volumineuse",
                detail: $"Le corps de la requête dépasse {MaxBodyBytes / 1024} Ko.");
        var userId = applications.UserId;
        var hash = IdempotencyKeys.Hash(http.Request, body);
        if (await IdempotencyKeys.FindAsync(db, userId, key, ct) is { } earlier) return IdempotencyKeys.Replay(earlier, hash, http);

        OfferAnswerInput? input;
        try
        {
            input = JsonSerializer.Deserialize<OfferAnswerInput>(body, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            return Invalid(e.Path is { Length: > 2 } path ? path[2..] : "", "Le corps de la requête n’est pas un JSON valide à cet endroit"
                + (e.LineNumber is { } line ? $" (ligne {line + 1})." : "."));
        }
        if (input is null) return Invalid("", "Le corps de la requête doit être un objet JSON : { \"choice\": \"accepter\" ou \"refuser\", \"reason\": … }.");
        if (input.Choice is not (OfferActions.Accept or OfferActions.Refuse))
            return Invalid("choice", $"Indiquez « {OfferActions.Accept} » ou « {OfferActions.Refuse} » dans « choice ».");

        // The offer is looked up through the family's own applications: another family's offer is not found, like a missing one.
        var offer = await db.PlaceOffers.FirstOrDefaultAsync(o => o.Id == new PlaceOfferId(id), ct);
        var application = offer is null ? null : await applications.FindMineAsync(offer.ApplicationId.Value, tracked: true, ct);
        if (offer is null || application is null) return NotFound();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (claim, raced) = await IdempotencyKeys.ClaimAsync(db, transaction, http, userId, key, hash, applications.Now, ct);
        if (claim is null) return raced!;

        var answered = await actions.AnswerAsync(offer, application, input.Choice, input.Reason, userId, ct);
        if (!answered.IsSuccess)
        {
            // Nothing is kept, not even the key: the answer may be corrected and sent again.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Refused(answered.Problems);
        }
        var resource = await queries.FindAsync(id, ct);
        claim.StatusCode = StatusCodes.Status200OK;
        claim.ResponseBody = JsonSerializer.Serialize(resource, json.Value.SerializerOptions);
        claim.ApplicationId = application.Id.Value;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Content(claim.ResponseBody, "application/json; charset=utf-8", System.Text.Encoding.UTF8, claim.StatusCode);
    }

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Proposition introuvable",
            detail: "Aucune proposition ne porte cet identifiant parmi celles faites à vos demandes.");

    /// <summary>A problem on a field (the reason too long) is the client's input: 400. Anything else is the offer's state: 409.</summary>
    private static IResult Refused(IReadOnlyList<Problem> problems)
    {
        if (problems.All(p => p.Field.Length > 0)) return ValidationProblem(problems);
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Réponse impossible",
            detail: string.Join(" ", problems.Select(p => p.Message)));
    }

    private static IResult Invalid(string field, string message) => ValidationProblem([new Problem("invalid", field, message)]);

    private static IResult ValidationProblem(IEnumerable<Problem> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => CreateApplicationEndpoint.JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal),
            detail: "Votre réponse n’est pas enregistrée : corrigez les champs indiqués dans « errors ».",
            title: "Réponse invalide");
}
