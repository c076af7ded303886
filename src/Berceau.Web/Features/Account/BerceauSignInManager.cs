using System.Security.Claims;
using Berceau.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Account;

/// <summary>
/// Identity's sign-in manager, with one rule of ours: a disabled account cannot sign in, by password, by code or by an
/// existing cookie (the cookie is refused at its next security-stamp validation).
/// </summary>
public sealed class BerceauSignInManager(
    UserManager<BerceauUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<BerceauUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<BerceauUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<BerceauUser> confirmation)
    : SignInManager<BerceauUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(BerceauUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// A session opened through an external provider (Identity adds the claim <see cref="ClaimTypes.AuthenticationMethod"/>
    /// = the provider's scheme, also after the two-factor code) keeps the provider's ID token, read from the external
    /// cookie of the same sign-in: the sign-out sends it back to end the provider's session. Its session id (sid), if it
    /// gave one, is kept too, and recorded on the server for the provider's front-channel logout.
    /// </summary>
    public override async Task SignInWithClaimsAsync(BerceauUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (claims.Find(c => c.Type == ClaimTypes.AuthenticationMethod) is { } method && !claims.Exists(c => c.Type == External.ExternalIdentity.IdTokenClaim))
        {
            var external = await Context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            if (external.Properties?.Items.TryGetValue("LoginProvider", out var provider) == true && provider == method.Value)
            {
                if (external.Principal?.FindFirstValue(External.ExternalIdentity.IdTokenClaim) is { Length: > 0 } idToken)
                    claims.Add(new Claim(External.ExternalIdentity.IdTokenClaim, idToken));
                // The provider's session, recorded on the server so that the provider can end it (front-channel logout).
                if (external.Principal?.FindFirstValue(External.ExternalIdentity.SessionIdClaim) is { Length: > 0 } sid)
                {
                    claims.Add(new Claim(External.ExternalIdentity.SessionIdClaim, sid));
                    await Context.RequestServices.GetRequiredService<External.ExternalSessions>().RecordAsync(user, method.Value, sid);
                }
            }
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task<BerceauUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }
}

/// <summary>Adds the person's name (claim "name") so that pages greet them by name rather than by e-mail.</summary>
public sealed class BerceauClaimsPrincipalFactory(
    UserManager<BerceauUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BerceauUser, IdentityRole>(users, roles, options)
{
    public const string NameClaim = "name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BerceauUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            identity.AddClaim(new Claim(NameClaim, user.DisplayName));
        return identity;
    }
}
