using Berceau.Domain.Common;
using Berceau.Domain.Practices;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Practices.Staff;

/// <summary>
/// /pro/bonnes-pratiques/{id}: a fiche as its submitter follows it (state, the moderator's reason) and as the secretariat moderates
/// it: publish, refuse or withdraw with a reason; both reach the edit page from it. Anyone else finds nothing (404).
/// </summary>
public sealed class PracticeModel(PracticeAccess access, PracticeActions actions) : PageModel
{
    public const string MessageKey = "bonne-pratique-message";

    public GoodPractice Practice { get; private set; } = null!;
    public bool Moderates { get; private set; }
    /// <summary>The submitter edits its fiche (not an imported one); the secretariat corrects any fiche it moderates.</summary>
    public bool CanEdit => Moderates || !Practice.IsImported;

    [BindProperty] public ModerateInput Input { get; set; } = new();
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, false, ct)) return NotFound();
        // The moderation forms carry the version they were drawn from; a refused one is shown again with it (Rechargez la page).
        Input.Version = Practice.Version;
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ModerateAsync(id, p => actions.PublishAsync(p, Input, ct), "La fiche est publiée.", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        ModerateAsync(id, p => actions.RejectAsync(p, Input, ct), "La fiche est refusée : la personne qui l’a proposée lira votre motif.", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ModerateAsync(id, p => actions.WithdrawAsync(p, Input, ct), "La fiche est retirée de la bibliothèque publique.", ct);

    private async Task<IActionResult> ModerateAsync(Guid id, Func<GoodPractice, Task<Outcome<bool>>> act, string done, CancellationToken ct)
    {
        if (!await LoadAsync(id, true, ct) || !Moderates) return NotFound();
        var outcome = await act(Practice);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(PracticesFeature.StaffPracticePath(id));
        }
        ModelState.Clear();
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        await LoadAsync(id, false, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var practice = await access.PracticeAsync(id, tracked, ct);
        if (practice is null) return false;
        Practice = practice;
        Moderates = await access.ModeratesAsync(practice, ct);
        return true;
    }
}
