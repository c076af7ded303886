using Berceau.Domain.Applications;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// One erasure request, answered by an agent of the commune: erase (the application's personal data, its proofs, notes
/// and contacts), or refuse with the reason the family reads. Another territory's request is not found.
/// </summary>
public sealed class ErasureReviewModel(CaseworkAccess access, Erasures erasures) : PageModel
{
    public static string PathOf(Guid id) => $"/pro/effacements/{id}";

    public ErasureRequest Erasure { get; private set; } = null!;
    public Application Application { get; private set; } = null!;

    /// <summary>Why the guichet keeps the data; mandatory, the family reads it.</summary>
    [BindProperty]
    public string? Refusal { get; set; }

    /// <summary>In committee, offered, accepted or admitted: the domain refuses the erasure, the page says so before the click.</summary>
    public bool PlaceInPlay => Application.Status is ApplicationStatus.InCommittee or ApplicationStatus.Offered
        or ApplicationStatus.Accepted or ApplicationStatus.Admitted;

    public int MaxReasonLength => ErasureRequest.MaxReasonLength;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var outcome = await erasures.EraseAsync(Erasure, Application, access.UserId, ct);
        if (!outcome.IsSuccess) return await ProblemsAsync(id, outcome.Problems, ct);
        TempData[DetailsModel.MessageKey] = $"Les données de la demande {Application.Reference} sont effacées. La famille est prévenue.";
        return Redirect(ErasuresModel.Path);
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        var outcome = await erasures.RefuseAsync(Erasure, Application, Refusal, access.UserId, ct);
        if (!outcome.IsSuccess) return await ProblemsAsync(id, outcome.Problems, ct);
        TempData[DetailsModel.MessageKey] = $"L’effacement de la demande {Application.Reference} est refusé. La famille est prévenue, avec le motif.";
        return Redirect(ErasuresModel.Path);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var request = await erasures.FindAsync(id, await access.CommunesAsync(ct), ct);
        if (request is null) return false;
        (Erasure, Application) = (request, await erasures.ApplicationOfAsync(request, ct));
        return true;
    }

    /// <summary>Nothing was saved (<see cref="Erasures"/> forgets what it changed in memory): the page is read again, with the problems.</summary>
    private async Task<IActionResult> ProblemsAsync(Guid id, IEnumerable<Domain.Common.Problem> problems, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddProblems(problems, "");
        return Page();
    }
}
