using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// Staff see other people's data, so a staff member must have two-factor authentication on before reaching any staff
/// page: without it, they are sent to set it up. Family and childminder accounts are not concerned. A session opened
/// with a second factor done at the identity provider (ProConnect's <c>amr</c> contains <c>mfa</c>: docs/identity.md)
/// counts as two-factor, even when the account has none set up here.
/// </summary>
public sealed class StaffTwoFactorFilter(UserManager<BerceauUser> users) : IAsyncPageFilter
{
    public const string SetupPath = "/compte/double-authentification";

    /// <summary>OpenID Connect's "authentication methods references" claim; Identity also sets it to "mfa" after a code.</summary>
    public const string AmrClaim = "amr";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path;
        var isStaffArea = path.StartsWithSegments("/pro") || path.StartsWithSegments("/admin");
        if (isStaffArea && http.User.Identity?.IsAuthenticated == true && Roles.Staff.Any(http.User.IsInRole))
        {
            var user = await users.GetUserAsync(http.User);
            if (user is null || !(user.TwoFactorEnabled || http.User.HasClaim(AmrClaim, "mfa")))
            {
                context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(SetupPath + "?returnUrl=" + Uri.EscapeDataString(path + http.Request.QueryString));
                return;
            }
        }
        await next();
    }
}
