using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>
/// The family sees the slot, its price and how it is computed, and the cancellation rule, then confirms. The form carries the
/// price shown: a booking is only made at that price.
/// </summary>
public sealed class BookModel(OccasionalQueries queries, Bookings bookings, BerceauDbContext db) : FamilyPage
{
    [BindProperty(SupportsGet = true, Name = "enfant")]
    public Guid ChildId { get; set; }

    [BindProperty]
    public string? ShownPrice { get; set; }

    public OccasionalChild Child { get; private set; } = null!;
    public SlotRow Row { get; private set; } = null!;
    public OccasionalQuote? Quote { get; private set; }
    public Problem? Refusal { get; private set; }
    public DateTimeOffset FreeUntil { get; private set; }
    /// <summary>The commune's notice, shown before booking: the booking keeps it.</summary>
    public int FreeCancellationHours { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var missing = await LoadAsync(id, ct);
        if (missing is not null) return missing;
        if (Refusal is not null) ModelState.AddModelError("", Refusal.Message);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // What the family saw, before loading the page sets the price of now.
        var shown = ShownPrice;
        var missing = await LoadAsync(id, ct);
        if (missing is not null) return missing;
        var facility = await db.Facilities.AsNoTracking().FirstAsync(f => f.Id == Row.Slot.FacilityId, ct);
        var outcome = await bookings.BookAsync(Row.Slot, facility, Child, shown, await FamilyEmailAsync(db, ct), ct);
        if (!outcome.IsSuccess)
        {
            ModelState.Clear();
            OfferDisplay.AddProblems(ModelState, outcome.Problems, "");
            // The page shows the slot as it is now (a place fewer, or the new price).
            await LoadAsync(id, ct);
            return Page();
        }
        TempData[IndexModel.MessageKey] = "Votre réservation est confirmée.";
        return Redirect($"{OccasionalCareFeature.FamilyPath}/reservations/{outcome.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await queries.FamilyChildAsync(FamilyUserId, ChildId, tracked: false, ct);
        var row = await queries.SlotAsync(id, ct);
        // Another commune's slot is not this family's business: "not found", like another family's child.
        if (child is null || row is null || row.Slot.CommuneCode != child.CommuneCode) return NotFound();
        Child = child;
        Row = row;
        var quote = await bookings.QuoteAsync(row.Slot, row.Mode, child, ct);
        Quote = quote.IsSuccess ? quote.Value : null;
        Refusal = bookings.Refusal(row.Slot, child) ?? (Quote is null ? Problem.Of("occ-price-unavailable", "") : null);
        ShownPrice = Quote is null ? null : Bookings.PriceToken(Quote.Price);
        FreeCancellationHours = await bookings.FreeCancellationHoursAsync(row.Slot.CommuneCode, ct);
        FreeUntil = Domain.OccasionalCare.CancellationPolicy.FreeUntil(OccasionalDisplay.StartOf(row.Slot.Day, row.Slot.StartsAt), FreeCancellationHours);
        return null;
    }
}
