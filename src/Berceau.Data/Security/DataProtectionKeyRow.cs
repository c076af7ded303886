namespace Berceau.Data.Security;

/// <summary>
/// One ASP.NET Core data-protection key (the XML element the key manager writes), kept in the database so that every web
/// node reads the same keys: a cookie or an antiforgery token issued by one node is accepted by the others, and keys
/// survive a redeployment. Keys are never edited; the key manager retires them by writing revocations.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; init; }
    public string? FriendlyName { get; init; }
    public required string Xml { get; init; }
}
