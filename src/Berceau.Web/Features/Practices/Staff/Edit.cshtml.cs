using Berceau.Domain.Practices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Practices.Staff;

/// <summary>
/// /pro/bonnes-pratiques/{id}/modifier: a fiche's content edited after submission. Its submitter edits it whatever its state and
/// it goes back to moderation (a published one leaves the public library until published again); the secretariat that moderates it
/// corrects it and it keeps its state. An imported fiche (vade-mecum) is corrected by the secretariat only, section by section.
/// Anyone else finds nothing (404).
/// </summary>
public sealed class EditModel(PracticeAccess access, PracticeActions actions) : PageModel
{
    public GoodPractice Practice { get; private set; } = null!;
    public bool Moderates { get; private set; }
    public IReadOnlyList<PracticeField> Fields { get; private set; } = [];

    [BindProperty] public EditInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, false, ct)) return NotFound();
        var p = Practice;
        Input = new EditInput
        {
            Title = p.Title, Theme = p.Theme.ToString(), Place = p.Place, Organisation = p.Organisation, Fields = p.FieldValues().ToDictionary(f => f.Key, f => f.Value),
            Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, true, ct)) return NotFound();
        var edited = await actions.EditAsync(Practice, Input, Moderates, ct);
        if (edited.IsSuccess)
        {
            TempData[PracticeModel.MessageKey] = Moderates ? "Vos corrections sont enregistrées."
                : "Votre fiche modifiée est envoyée : le secrétariat du schéma la relira avant de la publier.";
            return Redirect(PracticesFeature.StaffPracticePath(id));
        }
        await LoadAsync(id, false, ct);
        PracticeForm.AddProblems(ModelState, Fields, edited.Problems);
        return Page();
    }

    /// <summary>The fiche if the person may edit it: its submitter (not for an imported one) or the secretariat that moderates it.</summary>
    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var practice = await access.PracticeAsync(id, tracked, ct);
        if (practice is null) return false;
        Moderates = await access.ModeratesAsync(practice, ct);
        if (!Moderates && practice.IsImported) return false;
        Practice = practice;
        Fields = practice.EditableFields();
        return true;
    }
}
