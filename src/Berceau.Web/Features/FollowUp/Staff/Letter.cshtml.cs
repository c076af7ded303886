using Berceau.Domain.FollowUp;
using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.FollowUp.Staff;

/// <summary>
/// The « solutions » letter of a case (/pro/suivi/{id}/courrier): to read and print, as a PDF, or to send to the family's account
/// (e-mail and notification), which logs « solutions envoyées ». Each reading is audited (the letter names the family).
/// </summary>
public sealed class LetterModel(FollowUpAccess access, FollowUpActions actions, SolutionsLetters letters, SolutionsLetterPdf pdf) : PageModel
{
    public FollowedCase Followed { get; private set; } = null!;
    public SolutionsLetter Letter { get; private set; } = null!;

    [BindProperty]
    public SendInput Send { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await access.RecordReadAsync(Followed, FollowUpAudit.LetterRead, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await access.RecordReadAsync(Followed, FollowUpAudit.LetterRead, ct);
        return File(pdf.Build(Letter), "application/pdf", SolutionsLetter.FileName(Letter.Reference));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var followed = await access.FindAsync(id, tracked: true, ct);
        if (followed is null) return NotFound();
        ModelState.Clear();
        var sent = await actions.SendLetterAsync(followed, Send, ct);
        if (sent.IsSuccess)
        {
            TempData[CaseModel.MessageKey] = "Le courrier « solutions » est envoyé à la famille.";
            return Redirect(FollowUpFeature.CasePath(id));
        }
        ModelState.AddProblems(sent.Problems, nameof(Send));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPrintedAsync(Guid id, CancellationToken ct)
    {
        var followed = await access.FindAsync(id, tracked: true, ct);
        if (followed is null) return NotFound();
        ModelState.Clear();
        var recorded = await actions.RecordPrintedLetterAsync(followed, Send, ct);
        if (recorded.IsSuccess)
        {
            TempData[CaseModel.MessageKey] = "Le courrier imprimé est noté au journal, et son texte est gardé.";
            return Redirect(FollowUpFeature.CasePath(id));
        }
        ModelState.AddProblems(recorded.Problems, nameof(Send));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var followed = await access.FindAsync(id, tracked: false, ct);
        if (followed is null) return false;
        Followed = followed;
        Send.Version = followed.Case.Version;
        Letter = await letters.BuildAsync(followed.Application, access.Casework.Today, ct);
        return true;
    }

    public bool CanSend => Followed.Case.Status == FollowUpStatus.Open;
}
