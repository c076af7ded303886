using System.Security.Cryptography;
using System.Text;
using Berceau.Data;
using Berceau.Data.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// The Idempotency-Key of API POSTs (IETF draft "The Idempotency-Key HTTP Header Field"): a client that did not get an
/// answer sends the same request again with the same key, and gets the first answer back instead of a second creation.
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    /// <summary>Set on a replayed answer, so that a client (or a test) can tell it from the first one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Printable ASCII, 1 to 200 characters (a UUID is the usual choice).</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= IdempotentRequest.MaxKeyLength && key.All(c => c is >= '!' and <= '~');

    /// <summary>What makes two requests "the same": method, path, query and the exact bytes of the body.</summary>
    public static string Hash(HttpRequest request, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        sha.AppendData(body);
        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>
    /// The creation key handed to <see cref="Family.SaveApplication"/>, derived from the account and the key: a second line of
    /// defence (the unique index on Applications.CreationKey) behind the idempotency table.
    /// </summary>
    public static Guid CreationKey(string userId, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"api:{userId}:{key}")).AsSpan(0, 16));

    public static Task<IdempotentRequest?> FindAsync(BerceauDbContext db, string userId, string key, CancellationToken ct) =>
        db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);

    /// <summary>
    /// Claims the key (inserts it) in the caller's open transaction, before the request does anything: the primary key makes an
    /// identical request racing this one wait, then replay what this one stored. Returns the claim, on which the caller stores its
    /// answer; or, when the key was committed meanwhile by another request, that request's answer (the transaction rolled back).
    /// </summary>
    public static async Task<(IdempotentRequest? Claim, IResult? Earlier)> ClaimAsync(BerceauDbContext db, IDbContextTransaction transaction,
        HttpContext http, string userId, string key, string hash, DateTimeOffset at, CancellationToken ct)
    {
        var claim = new IdempotentRequest { UserId = userId, Key = key, RequestHash = hash, CreatedAt = at };
        db.IdempotentRequests.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return (claim, null);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, await FindAsync(db, userId, key, ct) is { } raced ? Replay(raced, hash, http)
                : throw new InvalidOperationException("Idempotency claim failed without a stored request."));
        }
    }

    /// <summary>The first answer again, or 422 when the key was used for another request.</summary>
    public static IResult Replay(IdempotentRequest earlier, string hash, HttpContext http)
    {
        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Clé d’idempotence déjà utilisée",
                detail: "Cette clé Idempotency-Key a déjà servi pour une autre requête (contenu différent). "
                    + "Utilisez une nouvelle clé pour une nouvelle demande, ou renvoyez exactement la même requête.");
        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        return Results.Content(earlier.ResponseBody, "application/json; charset=utf-8", Encoding.UTF8, earlier.StatusCode);
    }
}
