using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Berceau.Web.Features.Account;

public static class AccountFeature
{
    public const string SignInPath = "/compte/connexion";
    public const string SignInCodePath = "/compte/connexion/code";
    public const string SignInRecoveryCodePath = "/compte/connexion/code-de-secours";
    public const string TwoFactorSetupPath = "/compte/double-authentification";
    public const string ChangePasswordPath = "/compte/mot-de-passe";
    public const string StaffHomePath = "/pro";

    /// <summary>
    /// Identity is configured once in <c>AddBerceauWeb</c>; the account feature only swaps in its own sign-in manager
    /// (disabled accounts cannot sign in) and claims factory (the display name shown in the header), and checks sessions
    /// against the account more often.
    /// </summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Scoped<SignInManager<BerceauUser>, BerceauSignInManager>());
        services.Replace(ServiceDescriptor.Scoped<IUserClaimsPrincipalFactory<BerceauUser>, BerceauClaimsPrincipalFactory>());
        // A disabled account, a reset two-factor or a changed password (all change the security stamp) end the person's
        // open sessions within a minute rather than Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    /// <summary>
    /// Where to go after signing in: the requested page when it is on this site (never elsewhere: an open redirect would
    /// let a phishing link land on a look-alike site right after a real sign-in), else the user's home.
    /// </summary>
    /// <summary>The lockout message, with the duration and number of attempts actually configured.</summary>
    public static string LockedOutMessage(IdentityOptions options) =>
        Problem.Of("account-locked", "", options.Lockout.DefaultLockoutTimeSpan.TotalMinutes, options.Lockout.MaxFailedAccessAttempts).Message;

    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
