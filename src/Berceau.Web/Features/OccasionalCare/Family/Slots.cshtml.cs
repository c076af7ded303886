using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>The slots one child may book (its commune, its age), by day, with the family's price; filters by day and crèche.</summary>
public sealed class SlotsModel(OccasionalQueries queries, Bookings bookings) : FamilyPage
{
    [BindProperty(SupportsGet = true, Name = "enfant")]
    public Guid ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "jour")]
    public string? Day { get; set; }

    [BindProperty(SupportsGet = true, Name = "structure")]
    public string? Structure { get; set; }

    public OccasionalChild Child { get; private set; } = null!;
    public IReadOnlyList<(SlotRow Row, OccasionalQuote? Quote)> Slots { get; private set; } = [];
    public IEnumerable<SelectListItem> FacilityItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var child = await queries.FamilyChildAsync(FamilyUserId, ChildId, tracked: false, ct);
        if (child is null) return NotFound();
        Child = child;
        FacilityItems = (await queries.CommuneFacilitiesAsync(child.CommuneCode, ct)).Select(f => new SelectListItem(f.Name, f.Id.ToString()));
        var read = new InputReader();
        var day = read.Date(Day, "Day");
        Guid? facility = null;
        if (!string.IsNullOrWhiteSpace(Structure))
        {
            if (Guid.TryParse(Structure, out var parsed)) facility = parsed;
            else read.Add("unknown-value", "Structure");
        }
        if (read.Problems.Count > 0)
        {
            OfferDisplay.AddProblems(ModelState, read.Problems, "");
            day = null;
            facility = null;
        }
        if (!child.CanBook) return Page();
        var rows = await queries.OpenSlotsAsync(child, day, facility, ct);
        var list = new List<(SlotRow, OccasionalQuote?)>();
        foreach (var row in rows)
        {
            var quote = await bookings.QuoteAsync(row.Slot, row.Mode, child, ct);
            list.Add((row, quote.IsSuccess ? quote.Value : null));
        }
        Slots = list;
        return Page();
    }
}
