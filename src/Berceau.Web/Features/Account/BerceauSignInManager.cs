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
