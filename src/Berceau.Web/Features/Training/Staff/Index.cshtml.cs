using Berceau.Domain.Careers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Training.Staff;

/// <summary>The training offers of the agent's communes (/pro/formations), published first.</summary>
public sealed class IndexModel(TrainingOffers offers) : PageModel
{
    public IReadOnlyList<TrainingOffer> Offers { get; private set; } = [];
    public DateOnly Today => offers.Today;

    public async Task OnGetAsync(CancellationToken ct) => Offers = await offers.ListAsync(ct);
}
