using Berceau.Data;
using Berceau.Domain.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Notifications;

public sealed record FailedMessageRow(long Id, string Kind, string RecipientEmail, string Subject, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? FailedAt, string? LastError);

/// <summary>
/// E-mails the worker gave up on, for admins: whom they were for, why they failed, and a button to try again once the
/// cause (a wrong address, a mail server down for hours) is fixed. Addresses are personal data: the read is audited, and
/// an admin sees only the messages about a commune of their territory (<see cref="OutboxMessage.CommuneCode"/>, the
/// application's commune). Messages about an account itself (address confirmation) belong to no territory and are shown to
/// nobody here: the person sends themselves a new link, and the failures are in the server's logs. Another territory's
/// message answers 404 to a retry, like an unknown id.
/// </summary>
[Authorize(Policy = WebServices.AdminPolicy)]
public sealed class FailedModel(BerceauDbContext db, AuditLog audit, TimeProvider clock, CurrentStaff staff) : PageModel
{
    public const string AuditEntity = "envois-en-echec";

    public IReadOnlyList<FailedMessageRow> Rows { get; private set; } = [];

    public int PendingCount { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await MineAsync(ct);
        Rows = await mine.AsNoTracking()
            .Where(m => m.FailedAt != null)
            .OrderByDescending(m => m.FailedAt).ThenByDescending(m => m.Id)
            .Take(200)
            .Select(m => new FailedMessageRow(m.Id, m.Kind, m.RecipientEmail, m.Subject, m.Attempts, m.CreatedAt, m.FailedAt, m.LastError))
            .ToListAsync(ct);
        PendingCount = await mine.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct);
        await audit.RecordReadAsync(AuditEntity, null, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var message = await (await MineAsync(ct)).FirstOrDefaultAsync(m => m.Id == id && m.FailedAt != null, ct);
        if (message is null) return NotFound();
        message.FailedAt = null;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        audit.Record("envoi-relance", AuditEntity, id.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Kind);
        await db.SaveChangesAsync(ct);
        Message = $"Le message à {message.RecipientEmail} sera envoyé à nouveau dans quelques instants.";
        return RedirectToPage();
    }

    /// <summary>The messages about a commune of the admin's territory (its communes, and the communes of its départements).</summary>
    private async Task<IQueryable<OutboxMessage>> MineAsync(CancellationToken ct)
    {
        var scope = await staff.ScopeAsync(ct);
        var communes = scope.Communes.ToList();
        var departements = scope.Departements.ToList();
        var covered = db.Communes.Where(c => communes.Contains(c.Code) || departements.Contains(c.DepartementCode)).Select(c => c.Code);
        return db.OutboxMessages.Where(m => m.CommuneCode != null && covered.Contains(m.CommuneCode));
    }
}
