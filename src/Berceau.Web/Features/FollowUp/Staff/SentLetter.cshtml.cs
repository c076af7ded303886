using Berceau.Data;
using Berceau.Domain.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp.Staff;

/// <summary>
/// A « solutions » letter as it was sent (/pro/suivi/{id}/courriers/{letterId}): its words, channel, date and agent. Reading it is
/// written to the family's access log and the audit, as for the case.
/// </summary>
public sealed class SentLetterModel(FollowUpAccess access, BerceauDbContext db) : PageModel
{
    public FollowedCase Followed { get; private set; } = null!;
    public SentLetter Letter { get; private set; } = null!;
    public string Agent { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid letterId, CancellationToken ct)
    {
        var followed = await access.FindAsync(id, tracked: false, ct);
        if (followed is null) return NotFound();
        var letter = await db.SentLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.CaseId == followed.Case.Id, ct);
        if (letter is null) return NotFound();
        (Followed, Letter) = (followed, letter);
        Agent = await db.Users.Where(u => u.Id == letter.SentBy).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct) ?? "Compte supprimé";
        await access.RecordReadAsync(followed, FollowUpAudit.SentLetterRead, ct);
        return Page();
    }
}
