using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// The procès-verbal of a session (/pro/commissions/{id}/proces-verbal), printable, and as a PDF (?handler=Pdf). Staff of the
/// territory who manage or sit in the session (<see cref="CommissionAccess.CanKeepMinutesAsync"/>); each read is audited.
/// </summary>
public sealed class MinutesModel(BerceauDbContext db, CommissionAccess access, CommissionQueries queries, MinutesPdf pdf, AuditLog audit) : PageModel
{
    public CommissionSession Session { get; private set; } = null!;
    /// <summary>Null while the session is not validated: the page says when the minutes will exist.</summary>
    public CommissionMinutes? Minutes { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (Minutes is not null) await audit.RecordReadAsync(CommissionAudit.EntityType, Session.Id.ToString(), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (Minutes is null) return NotFound();
        var bytes = pdf.Build(Minutes);
        audit.Record(CommissionAudit.MinutesPrinted, CommissionAudit.EntityType, Session.Id.ToString());
        await db.SaveChangesAsync(ct);
        return File(bytes, "application/pdf", MinutesPdf.FileName(Minutes));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked: false, ct);
        if (session is null) return NotFound();
        if (!await access.CanKeepMinutesAsync(session, ct)) return Forbid();
        Session = session;
        Minutes = await CommissionMinutes.LoadAsync(db, queries, session, ct);
        return null;
    }
}
