using System.Text.Json;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Web.Features.Applications.Family;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// POST /api/v1/demandes: a family creates an application with the body of the form (<see cref="ApplicationInput"/> as
/// JSON), checked and saved by the very handler of the family pages (<see cref="SaveApplication"/>). The Idempotency-Key
/// is claimed (inserted) first, then the application is created, then the answer is stored on the claim, all in ONE
/// transaction: a crash loses both or neither, and an identical request racing this one waits on the key's primary key
/// and then replays the stored answer.
/// </summary>
internal static class CreateApplicationEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext http, bool? brouillon, SaveApplication save, ApplicationApiQueries queries,
        BerceauDbContext db, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        var key = http.Request.Headers[IdempotencyKeys.HeaderName].ToString();
        if (!IdempotencyKeys.IsValid(key))
            return Invalid("idempotencyKey", "En-tête Idempotency-Key manquant ou invalide : envoyez une clé unique par demande "
                + "(par exemple un UUID, 200 caractères ASCII au plus), et la même clé si vous renvoyez la même demande.");
        var body = await ReadBodyAsync(http.Request, ct);
        if (body is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Requête trop volumineuse",
                detail: $"Le corps de la requête dépasse {MaxBodyBytes / 1024} Ko.");
        var userId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var hash = IdempotencyKeys.Hash(http.Request, body);
        if (await IdempotencyKeys.FindAsync(db, userId, key, ct) is { } earlier) return IdempotencyKeys.Replay(earlier, hash, http);

        ApplicationInput? input;
        try
        {
            input = JsonSerializer.Deserialize<ApplicationInput>(body, json.Value.SerializerOptions);
        }
        catch (JsonFieldException e)
        {
            return Invalid(e.Path is { Length: > 2 } path ? path[2..] : "", e.Message);
        }
        catch (JsonException e)
        {
            return Invalid(e.Path is { Length: > 2 } path ? path[2..] : "", "Le corps de la requête n’est pas un JSON valide à cet endroit"
                + (e.LineNumber is { } line ? $" (ligne {line + 1})." : "."));
        }
        if (input is null) return Invalid("", "Le corps de la requête doit être un objet JSON : les champs du formulaire de demande.");
        input.CreationKey = IdempotencyKeys.CreationKey(userId, key);
        input.Version = 0;

        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(ct);
        }
        catch (Exception e) when (DatabaseBusy.Is(e))
        {
            return DatabaseBusy.Answer(http);
        }
        await using var _ = transaction;
        // The same key committed meanwhile by a request racing this one: answer as it did.
        var (claim, raced) = await IdempotencyKeys.ClaimAsync(db, transaction, http, userId, key, hash, clock.GetUtcNow(), ct);
        if (claim is null) return raced!;

        var outcome = await save.CreateAsync(input, submit: brouillon != true, ct);
        if (!outcome.IsSuccess)
        {
            // Nothing is saved, not even the key: the client may correct its body and send it again with the same key.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return ToValidationProblem(outcome.Problems);
        }
        var created = await queries.FindAsync(outcome.Value.Id, ct);
        claim.StatusCode = StatusCodes.Status201Created;
        claim.ResponseBody = JsonSerializer.Serialize(ApplicationResource.From(created!), json.Value.SerializerOptions);
        claim.Location = $"/api/v1/demandes/{outcome.Value.Id}";
        claim.ApplicationId = outcome.Value.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        http.Response.Headers.Location = claim.Location;
        return Results.Content(claim.ResponseBody, "application/json; charset=utf-8", System.Text.Encoding.UTF8, claim.StatusCode);
    }

    /// <summary>The body as bytes (it is hashed as sent), or null when it is larger than <paramref name="maxBytes"/>.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct, int maxBytes = MaxBodyBytes)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Invalid(string field, string message) =>
        ToValidationProblem([new Problem("invalid", field, message)]);

    /// <summary>Every problem under the JSON name of its field ("Guardians[0].Situation" → "guardians[0].situation").</summary>
    public static IResult ToValidationProblem(IEnumerable<Problem> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal),
            detail: "La demande n’est pas enregistrée : corrigez les champs indiqués dans « errors ».",
            title: "Demande invalide");

    internal static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
