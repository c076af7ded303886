using Berceau.Domain.Applications;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// The agent corrects the answers the points grid reads (quotient familial, PMI or social support, sibling, partner
/// employer) of a submitted application, until the freeze date of the commune's next commission, with a reason the family
/// reads. The version read with the form guards against a change meanwhile (the family's or a colleague's).
/// </summary>
public sealed class GridAnswersModel(CaseworkAccess access, CorrectGridAnswers correct, ApplicationFormQueries shared, NextCommissions commissions)
    : PageModel
{
    public static string PathOf(Guid id) => $"/pro/demandes/{id}/grille";

    [BindProperty]
    public GridCorrectionInput Input { get; set; } = new();

    public Application Application { get; private set; } = null!;
    public ApplicationFormOptions Options { get; private set; } = null!;
    public NextCommission? NextCommission { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await access.FindAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        await LoadAsync(application, ct);
        if (!CanCorrect) return Redirect(DetailsModel.PathOf(id));
        Input = GridCorrectionInput.From(application);
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
            TempData[DetailsModel.MessageKey] = "Les réponses à la grille sont corrigées. La famille voit la correction et son motif dans l’historique de sa demande.";
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        await LoadAsync(application, ct);
        return Page();
    }

    /// <summary>The status allows it and the freeze date has not passed (the file page shows the link on the same rule).</summary>
    public bool CanCorrect => Allowed(Application, NextCommission);

    public static bool Allowed(Application application, NextCommission? next) => application.GridAnswersCorrectable && next?.ChangesClosed != true;

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Application = application;
        var commune = await shared.CommuneAsync(application.CommuneCode, ct);
        Options = await shared.OptionsAsync(commune!, ct);
        NextCommission = await commissions.ForAsync(application.CommuneCode, ct);
    }
}
