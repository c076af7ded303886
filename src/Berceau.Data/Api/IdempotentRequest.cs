namespace Berceau.Data.Api;

/// <summary>
/// A POST of the API that carried an Idempotency-Key, with the answer it got. Written in the same transaction as what the
/// request created, so that a retry after a lost answer (timeout, crash, restart) finds either both or neither: the
/// stored answer is replayed, nothing is created twice. The key (<see cref="UserId"/>, <see cref="Key"/>) is the table's
/// primary key: two identical requests racing each other cannot both insert it.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 200;

    /// <summary>Keys belong to an account: another account using the same key is another request.</summary>
    public required string UserId { get; init; }
    public required string Key { get; init; }
    /// <summary>SHA-256 (hex) of the method, path, query and body: the same key with another body is refused.</summary>
    public required string RequestHash { get; init; }
    public int StatusCode { get; set; }
    public string ResponseBody { get; set; } = "";
    /// <summary>The Location header of a 201, replayed with the body.</summary>
    public string? Location { get; set; }
    /// <summary>What the request created, for the purge and for checks (the durability bench).</summary>
    public Guid? ApplicationId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
