namespace Berceau.Data.Identity;

/// <summary>
/// The rows of Identity's user tokens that record a session opened through an identity provider (front-channel logout):
/// named <see cref="NamePrefix"/> + the hashed sid, valued with the instant the session opened (round-trip format, UTC).
/// </summary>
public static class ExternalSessionTokens
{
    public const string NamePrefix = "sid:";

    /// <summary>The value of a row: the opening instant in UTC, whose text sorts as the instant does.</summary>
    public static string Value(DateTimeOffset openedAt) =>
        openedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
