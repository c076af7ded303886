using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// Who the provider says the person is, read from the claims of Identity's external cookie (claim names as the provider
/// sent them: the handler does not map them to .NET's long names).
/// </summary>
public sealed record ExternalIdentity(
    ExternalProvider Provider,
    string Key,
    string? Email,
    bool EmailVerified,
    string DisplayName,
    bool MultiFactor,
    string? Acr)
{
    public const string EmailVerifiedClaim = "email_verified";
    public const string UsualNameClaim = "usual_name";
    public const string AcrClaim = "acr";
    public const string AmrClaim = "amr";
    /// <summary>
    /// The provider's ID token, added to the external cookie's claims on return (<see cref="ExternalLoginFeature"/>), then
    /// kept in the session cookie (<see cref="BerceauSignInManager"/>) for one use: the <c>id_token_hint</c> that ends the
    /// provider's session when the person signs out (<see cref="ExternalSignOut"/>).
    /// </summary>
    public const string IdTokenClaim = "berceau:id_token";
    /// <summary>
    /// The provider's session id (<c>sid</c> of the ID token), kept in the session cookie like the ID token, and on the
    /// server (<see cref="ExternalSessions"/>): the provider names it when it asks us to end the session (front-channel logout).
    /// </summary>
    public const string SessionIdClaim = "berceau:sid";

    public static ExternalIdentity From(ExternalLoginInfo info, ExternalProvider provider)
    {
        var principal = info.Principal;
        string? Claim(params string[] types) =>
            types.Select(t => principal.FindFirstValue(t)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

        var email = Claim("email", ClaimTypes.Email);
        var verified = Claim(EmailVerifiedClaim) is { } said ? string.Equals(said, "true", StringComparison.OrdinalIgnoreCase) : provider.EmailsVerified;
        var name = string.Join(' ', new[] { Claim("given_name", ClaimTypes.GivenName), Claim("family_name", UsualNameClaim, ClaimTypes.Surname) }
            .Where(n => !string.IsNullOrEmpty(n)));
        // amr may come as several claims or, from some providers, as one JSON array string.
        var methods = principal.FindAll(AmrClaim).SelectMany(c => c.Value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(m => m.Trim('"'));
        var multiFactor = provider.Audience == ExternalAudience.Staff && methods.Any(m => provider.MultiFactorMethods.Contains(m, StringComparer.Ordinal));
        return new ExternalIdentity(provider, info.ProviderKey, email, verified, name, multiFactor, Claim(AcrClaim));
    }
}
