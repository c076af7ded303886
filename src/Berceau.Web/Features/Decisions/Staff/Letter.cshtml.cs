using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Decisions.Staff;

/// <summary>
/// A family's decision letter as the guichet prints or sends it (/pro/commissions/{id}/courriers/{applicationId}, and its PDF).
/// Same access as the offers page; every reading is audited (the letter names the family).
/// </summary>
public sealed class LetterModel(Berceau.Data.BerceauDbContext db, CommissionQueries queries, DecisionAccess access, DecisionLetters letters,
    DecisionLetterPdf pdf, Infrastructure.AuditLog audit) : PageModel
{
    public CommissionSession Session { get; private set; } = null!;
    public DecisionLetter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, applicationId, ct);
        if (denied is not null) return denied;
        await audit.RecordReadAsync(DecisionAudit.LetterType, applicationId.ToString(), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, applicationId, ct);
        if (denied is not null) return denied;
        await audit.RecordReadAsync(DecisionAudit.LetterType, applicationId.ToString(), ct);
        return File(pdf.Build(Letter), "application/pdf", DecisionLetter.FileName(Letter.Reference));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid applicationId, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked: false, ct);
        if (session is null) return NotFound();
        if (!await access.CanManageAsync(session, ct)) return Forbid();
        Session = session;
        var key = new ApplicationId(applicationId);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == key, ct);
        var letter = application is null ? null : await letters.BuildAsync(session, application, ct);
        if (letter is null) return NotFound();
        Letter = letter;
        return null;
    }
}
