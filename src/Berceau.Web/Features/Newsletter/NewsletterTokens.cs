using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Berceau.Web.Features.Newsletter;

/// <summary>
/// The links of the e-mails, signed by ASP.NET Data Protection (keys in the database, shared by the nodes) so that no secret is
/// stored: the confirmation link names the subscriber and the moment of the request and lasts 7 days; the unsubscription link names
/// the subscriber and never expires (an old issue still unsubscribes). A link altered or of another purpose reads as nothing.
/// </summary>
public sealed class NewsletterTokens(IDataProtectionProvider provider)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _confirm = provider.CreateProtector("Berceau.Newsletter.Confirm.v1").ToTimeLimitedDataProtector();
    private readonly IDataProtector _unsubscribe = provider.CreateProtector("Berceau.Newsletter.Unsubscribe.v1");

    public string Confirmation(Guid subscriber, DateTimeOffset requestedAt) =>
        _confirm.Protect($"{subscriber:N}|{requestedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}", ConfirmationLifetime);

    public string Unsubscription(Guid subscriber) => _unsubscribe.Protect(subscriber.ToString("N"));

    public (Guid Subscriber, DateTimeOffset RequestedAt)? ReadConfirmation(string? code)
    {
        try
        {
            var parts = _confirm.Unprotect(code ?? "").Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (id, new DateTimeOffset(ticks, TimeSpan.Zero)) : null;
        }
        catch (CryptographicException) { return null; }
    }

    public Guid? ReadUnsubscription(string? code)
    {
        try { return Guid.TryParseExact(_unsubscribe.Unprotect(code ?? ""), "N", out var id) ? id : null; }
        catch (CryptographicException) { return null; }
    }
}
