using System.Text;

namespace Berceau.Web.Features.Account;

/// <summary>
/// How the shared key of an authenticator app is shown: in blocks of 4 characters to type it by hand, and as the
/// otpauth:// URI (Key URI Format) that apps import. No QR code from an external service: the key is a secret and
/// must not leave the server.
/// </summary>
public static class AuthenticatorSetup
{
    public static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) builder.Append(' ');
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return builder.ToString().ToLowerInvariant();
    }

    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}"
        + $"?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>What users type: "123 456", "123-456"… Spaces and dashes are ignored.</summary>
    public static string NormaliseCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>Recovery codes look like "A1B2C-D3E4F": the dash belongs to the code, spaces and case do not.</summary>
    public static string NormaliseRecoveryCode(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
