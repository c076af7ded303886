using Berceau.Data;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Notifications;

public sealed record FailedMessageRow(long Id, string Kind, string RecipientEmail, string Subject, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? FailedAt, string? LastError);

/// <summary>
/// E-mails the worker gave up on, for admins: whom they were for, why they failed, and a button to try again once the
/// cause (a wrong address, a mail server down for hours) is fixed. Addresses are personal data: the read is audited.
/// </summary>
[Authorize(Policy = WebServices.AdminPolicy)]
public sealed class FailedModel(BerceauDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string AuditEntity = "envois-en-echec";

    public IReadOnlyList<FailedMessageRow> Rows { get; private set; } = [];

    public int PendingCount { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.FailedAt != null)
            .OrderByDescending(m => m.FailedAt).ThenByDescending(m => m.Id)
            .Take(200)
            .Select(m => new FailedMessageRow(m.Id, m.Kind, m.RecipientEmail, m.Subject, m.Attempts, m.CreatedAt, m.FailedAt, m.LastError))
            .ToListAsync(ct);
        PendingCount = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct);
        await audit.RecordReadAsync(AuditEntity, null, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.FailedAt != null, ct);
        if (message is null) return NotFound();
        message.FailedAt = null;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        audit.Record("envoi-relance", AuditEntity, id.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Kind);
        await db.SaveChangesAsync(ct);
        Message = $"Le message à {message.RecipientEmail} sera envoyé à nouveau dans quelques instants.";
        return RedirectToPage();
    }
}
