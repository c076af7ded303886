using System.Security.Claims;
using Berceau.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Notifications;

public sealed record NotificationRow(long Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>The signed-in person's own notifications, newest first; nobody else's (the query is by the session's user id).</summary>
[Authorize]
public sealed class IndexModel(BerceauDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<NotificationRow> Rows { get; private set; } = [];

    public int UnreadCount => Rows.Count(r => !r.IsRead);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = UserId;
        Rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Shown)
            .Select(n => new NotificationRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        var userId = UserId;
        var now = clock.GetUtcNow();
        foreach (var notification in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct))
            notification.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>Only a path on this site is shown as a link, whatever was stored.</summary>
    public bool IsLocal(string? link) => !string.IsNullOrEmpty(link) && Url.IsLocalUrl(link);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Utilisateur sans identifiant.");
}
