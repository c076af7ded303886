using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The agent corrects the answer « un membre du foyer touche un minimum social » of a submitted application, on the rule of
/// the grid's answers (<see cref="GridAnswersModel.Allowed"/>), with a reason the family reads. The version read with the form
/// guards against a change meanwhile.
/// </summary>
public sealed class SocialMinimumModel(CaseworkAccess access, CorrectSocialMinimum correct, NextCommissions commissions) : PageModel
{
    public static string PathOf(Guid id) => $"/pro/demandes/{id}/minimum-social";

    [BindProperty]
    public SocialMinimumInput Input { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public NextCommission? NextCommission { get; private set; }

    public IReadOnlyList<SelectListItem> Answers =>
    [
        new("Oui, un membre du foyer touche un minimum social", SocialMinimumInput.Yes, Input.ReceivesSocialMinimum == SocialMinimumInput.Yes),
        new("Non", SocialMinimumInput.No, Input.ReceivesSocialMinimum == SocialMinimumInput.No),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        await LoadAsync(application, ct);
        if (!GridAnswersModel.Allowed(application, NextCommission)) return Redirect(DetailsModel.PathOf(id));
        Input = SocialMinimumInput.From(application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await correct.RunAsync(application, Input, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = "La réponse sur le minimum social est corrigée. La famille voit la correction et son motif dans l’historique de sa demande.";
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        await LoadAsync(application, ct);
        return Page();
    }

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Application = application;
        NextCommission = await commissions.ForAsync(application.CommuneCode, ct);
    }
}
