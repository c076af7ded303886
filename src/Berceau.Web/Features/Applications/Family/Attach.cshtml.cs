using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// The signed-in family types the code the guichet handed over, and the counter application becomes its own. The POST is
/// rate-limited with the account forms (<see cref="Account.AccountFeature.RateLimitedPosts"/>), on top of the code's 80 bits.
/// </summary>
public sealed class AttachModel(AttachCodes codes, FamilyApplicationQueries queries) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await codes.AttachAsync(Code, queries.UserId, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = "La demande faite au guichet est rattachée à votre compte : vous pouvez la suivre ici.";
            return Redirect(DetailsModel.PathOf(outcome.Value));
        }
        foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        return Page();
    }
}
