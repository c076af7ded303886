using Berceau.Domain.Applications;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// The family asks the guichet to erase its application's personal data, after a page that says what goes, what stays
/// and when the guichet may refuse. The reason is optional: the right needs none.
/// </summary>
public sealed class ErasureModel(FamilyApplicationQueries queries, Erasures erasures) : PageModel
{
    public static string PathOf(Guid id) => $"/famille/demandes/{id}/effacement";

    [BindProperty]
    public string? Reason { get; set; }

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    /// <summary>A waiting application is cancelled by the erasure: the page says so.</summary>
    public bool Cancels { get; private set; }

    public int MaxReasonLength => ErasureRequest.MaxReasonLength;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (application.ErasedAt is not null) return Redirect(DetailsModel.PathOf(id));
        if ((await erasures.LatestAsync(application.Id, ct))?.State == ErasureState.Pending)
        {
            TempData[DetailsModel.MessageKey] = Domain.Common.Messages.Get("erasure-already-requested");
            return Redirect(DetailsModel.PathOf(id));
        }
        Show(application);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var outcome = await erasures.RequestAsync(application, Reason, queries.UserId, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = "Votre demande d’effacement est transmise au guichet de votre commune. Il vous répondra par e-mail dans un délai d’un mois.";
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, "");
        Show(application);
        return Page();
    }

    private void Show(Application application) =>
        (Id, Reference, Cancels) = (application.Id.Value, application.Reference, application.CanWithdraw);
}
