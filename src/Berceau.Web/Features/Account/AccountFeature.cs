using System.Globalization;
using System.Threading.RateLimiting;
using Berceau.Data.Identity;
using Berceau.Domain.Common;
using Berceau.Web.Features.Account.External;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
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
    public const string FamilyHomePath = "/famille/demandes";
    public const string RegisterPath = "/compte/creer";
    public const string RegistrationSentPath = "/compte/creer/e-mail-envoye";
    public const string ConfirmEmailPath = "/compte/confirmer";
    public const string ResendConfirmationPath = "/compte/confirmation/renvoyer";

    /// <summary>
    /// The forms a robot would hammer: guessing passwords or codes (including the guichet's attach codes), creating
    /// accounts (families, and childminders on their own or on invitation), sending e-mails to others.
    /// </summary>
    public static readonly IReadOnlyList<string> RateLimitedPosts =
        [SignInPath, SignInCodePath, SignInRecoveryCodePath, RegisterPath, ResendConfirmationPath, Applications.AttachCodes.AttachPath,
         External.ExternalLoginFeature.LinkPath, Childminders.Onboarding.RegisterModel.Path, Childminders.ChildminderAccounts.InvitationPath];

    /// <summary>
    /// Identity is configured once in <c>AddBerceauWeb</c>; the account feature swaps in its own sign-in manager
    /// (disabled accounts cannot sign in) and claims factory (the display name shown in the header), checks sessions
    /// against the account more often, and adds family registration and the rate limit of the account forms.
    /// </summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RegisterFamily>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = AccountEmails.ConfirmationLifespan);
        services.AddAccountRateLimit(configuration.GetValue("Account:PostsPerMinute", 20));
        services.Replace(ServiceDescriptor.Scoped<SignInManager<BerceauUser>, BerceauSignInManager>());
        services.Replace(ServiceDescriptor.Scoped<IUserClaimsPrincipalFactory<BerceauUser>, BerceauClaimsPrincipalFactory>());
        // A disabled account, a reset two-factor or a changed password (all change the security stamp) end the person's
        // open sessions within a minute rather than Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The refreshed session keeps how the person signed in ("amr": mfa after a second factor, here or at
            // ProConnect), which StaffTwoFactorFilter reads, and the provider's ID token the sign-out sends back;
            // Identity's refresh would drop them. A changed security stamp still ends the session instead.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                    identity.AddClaims(current.FindAll(c => c.Type is StaffTwoFactorFilter.AmrClaim or System.Security.Claims.ClaimTypes.AuthenticationMethod or External.ExternalIdentity.IdTokenClaim or External.ExternalIdentity.SessionIdClaim)
                        .Select(c => new System.Security.Claims.Claim(c.Type, c.Value)));
                return Task.CompletedTask;
            };
        });
        services.AddExternalLoginFeature(configuration);
        return services;
    }

    /// <summary>
    /// Lockout stops guessing one account's password; this stops one address from trying many accounts, or creating
    /// accounts and sending e-mails in bulk: each client address may POST the account forms <paramref name="perMinute"/>
    /// times a minute (Account:PostsPerMinute), then gets the French 429 page until the minute is over. Pages (GET) are not
    /// limited. Behind a reverse proxy, configure forwarded headers so that the address is the client's, not the proxy's.
    /// </summary>
    private static void AddAccountRateLimit(this IServiceCollection services, int perMinute)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && RateLimitedPosts.Contains(context.Request.Path.Value ?? "", StringComparer.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "inconnue",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>The lockout message, with the duration and number of attempts actually configured.</summary>
    public static string LockedOutMessage(IdentityOptions options) =>
        Problem.Of("account-locked", "", options.Lockout.DefaultLockoutTimeSpan.TotalMinutes, options.Lockout.MaxFailedAccessAttempts).Message;

    /// <summary>
    /// Where to go after signing in: the requested page when it is on this site (never elsewhere: an open redirect would
    /// let a phishing link land on a look-alike site right after a real sign-in), else the user's home.
    /// </summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;
}
