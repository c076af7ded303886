using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>The crèches whose occasional-care slots the user manages, and the families' files they check.</summary>
public sealed class IndexModel(OccasionalAccess access) : PageModel
{
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];
    public bool ReviewsFiles { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Facilities = await access.ManagedFacilitiesAsync(ct);
        ReviewsFiles = (await access.ReviewableCommunesAsync(ct)).Count > 0;
        return Facilities.Count == 0 && !ReviewsFiles ? Forbid() : Page();
    }
}
