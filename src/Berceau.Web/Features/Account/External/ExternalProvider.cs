namespace Berceau.Web.Features.Account.External;

/// <summary>Whom an external provider signs in: families (FranceConnect) or staff of an existing account (ProConnect).</summary>
public enum ExternalAudience
{
    Family,
    Staff,
}

/// <summary>
/// One configured OpenID Connect provider: its authentication scheme (the configuration section's name, also the
/// <c>LoginProvider</c> stored in the user's external logins), its name on buttons, the path segment of its sign-in
/// URL (/compte/externe/{Slug}) and whom it signs in.
/// </summary>
public sealed record ExternalProvider(string Scheme, string DisplayName, string Slug, ExternalAudience Audience, string AboutUrl)
{
    /// <summary>Authentication method references (OpenID Connect <c>amr</c>) that count as a second factor done at the provider.</summary>
    public IReadOnlyList<string> MultiFactorMethods { get; init; } = ["mfa"];

    /// <summary>Whether an e-mail without an <c>email_verified</c> claim counts as verified (see <see cref="ExternalProviderSettings.EmailsVerified"/>).</summary>
    public bool EmailsVerified { get; init; } = true;
}

/// <summary>The providers this deployment configured (none by default); the sign-in page shows one button per provider.</summary>
public sealed class ExternalProviders(IReadOnlyList<ExternalProvider> all)
{
    public IReadOnlyList<ExternalProvider> All { get; } = all;

    public ExternalProvider? BySlug(string? slug) =>
        All.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public ExternalProvider? ByScheme(string? scheme) =>
        All.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));
}
