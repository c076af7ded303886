namespace Berceau.Web.Features.Account.External;

/// <summary>
/// One section <c>Authentication:FranceConnect</c> or <c>Authentication:ProConnect</c> (docs/identity.md). The client
/// secret comes from user-secrets or the environment (<c>Authentication__FranceConnect__ClientSecret</c>), never from a
/// file of the repository.
/// </summary>
public sealed class ExternalProviderSettings
{
    /// <summary>The issuer, whose <c>/.well-known/openid-configuration</c> describes the endpoints and keys.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the provider sends the browser back; registered with the provider as the redirect URI.</summary>
    public string? CallbackPath { get; set; }

    /// <summary>Scopes asked for, separated by spaces; <c>openid</c> is always asked.</summary>
    public string? Scopes { get; set; }

    /// <summary>The <c>acr_values</c> parameter (FranceConnect: <c>eidas1</c>); empty sends none.</summary>
    public string? AcrValues { get; set; }

    /// <summary>False only for a test provider on plain HTTP (loopback); real providers are HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Whether the provider's e-mail addresses are verified when it does not say so itself (claim <c>email_verified</c>).
    /// FranceConnect and ProConnect hand over addresses checked by their identity providers: true by default.
    /// </summary>
    public bool EmailsVerified { get; set; } = true;

    /// <summary>ProConnect: <c>amr</c> values that count as a second factor (default <c>mfa</c>); empty = never.</summary>
    public string[]? MultiFactorMethods { get; set; }
}
