using System.Net.Mail;
using Berceau.Domain.Common;

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

    /// <summary>What is wrong with <paramref name="email"/> (already trimmed) as a new account's address, for <paramref name="field"/>.</summary>
    public static Problem? Problem(string email, string field) =>
        email.Length == 0 ? Domain.Common.Problem.Of("email-required", field)
        : email.Length > MaxLength ? Domain.Common.Problem.Of("too-long", field, MaxLength)
        : !IsValid(email) ? Domain.Common.Problem.Of("email-invalid", field)
        : null;
}
