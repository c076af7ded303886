using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Berceau.Data;
using Berceau.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Account.External;

/// <summary>
/// The sessions opened through a provider that names its sessions (claim <c>sid</c> of the ID token), kept on the server
/// so that the provider can end one (OpenID Connect Front-Channel Logout, <see cref="FrontChannelLogout"/>) even when the
/// browser does not send our cookie with the provider's request: inside the provider's page, in a frame of another site,
/// a SameSite=Lax cookie is not sent, and more and more browsers block such third-party cookies anyway.
/// One row of Identity's user tokens per open session (the provider's scheme, the hashed sid); the session cookie carries
/// the sid too, and is accepted only while its row exists. Ending the session deletes the row: the cookie is refused at
/// its next request, wherever it is.
/// </summary>
public sealed class ExternalSessions(BerceauDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records the session <paramref name="sid"/> of <paramref name="scheme"/> for <paramref name="user"/> (added to the
    /// change tracker and saved at once: the sign-in writes the cookie right after).
    /// </summary>
    public async Task RecordAsync(BerceauUser user, string scheme, string sid)
    {
        var name = TokenName(sid);
        if (await db.UserTokens.AnyAsync(t => t.UserId == user.Id && t.LoginProvider == scheme && t.Name == name)) return;
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = user.Id, LoginProvider = scheme, Name = name,
            Value = ExternalSessionTokens.Value(clock.GetUtcNow()),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Ends the sessions <paramref name="sid"/> of <paramref name="scheme"/>; returns the accounts they were of.</summary>
    public async Task<IReadOnlyList<string>> EndAsync(string scheme, string sid, CancellationToken ct)
    {
        var name = TokenName(sid);
        var rows = await db.UserTokens.Where(t => t.LoginProvider == scheme && t.Name == name).ToListAsync(ct);
        db.UserTokens.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        return [.. rows.Select(r => r.UserId).Distinct()];
    }

    /// <summary>Forgets the session of <paramref name="user"/> when it signs out here (its row would otherwise stay).</summary>
    public async Task ForgetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (Of(user) is not { } session) return;
        await db.UserTokens.Where(t => t.UserId == session.UserId && t.LoginProvider == session.Scheme && t.Name == session.Name)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>Whether the session of this cookie is still open (a cookie without a provider's sid always is).</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (Of(user) is not { } session) return true;
        return await db.UserTokens.AsNoTracking()
            .AnyAsync(t => t.UserId == session.UserId && t.LoginProvider == session.Scheme && t.Name == session.Name, ct);
    }

    /// <summary>The provider's scheme and sid that a session cookie carries, if it was opened through one that sent a sid.</summary>
    public static (string UserId, string Scheme, string Sid, string Name)? Of(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && user.FindFirstValue(ClaimTypes.AuthenticationMethod) is { } scheme
        && user.FindFirstValue(ExternalIdentity.SessionIdClaim) is { Length: > 0 } sid
            ? (userId, scheme, sid, TokenName(sid))
            : null;

    /// <summary>
    /// The sid hashed: its length is the provider's business, the column's is Identity's; and the table holds no value a
    /// provider would recognise.
    /// </summary>
    public static string TokenName(string sid) =>
        ExternalSessionTokens.NamePrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sid)))[..40].ToLowerInvariant();

    /// <summary>
    /// Cookie validation, after Identity's security stamp check: a session the provider ended is refused and its cookie
    /// removed, as a changed security stamp would.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || Of(principal) is null) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ExternalSessions>();
        if (await sessions.IsOpenAsync(principal, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
