using System.Net.Mail;

namespace Berceau.Web.Features.Account;

/// <summary>The e-mail check of every account form (registration, resending a confirmation, accounts created by admins).</summary>
public static class EmailAddress
{
    public const int MaxLength = 256;

    /// <summary>
    /// A bare address (no display name, no angle brackets) whose domain has a dot: « marie@commune » is refused because
    /// it is almost always a typo, and nothing but the address itself is accepted, so no markup can slip through.
    /// </summary>
    public static bool IsValid(string text) =>
        MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');
}
