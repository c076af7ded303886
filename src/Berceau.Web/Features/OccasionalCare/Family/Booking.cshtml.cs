using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>One of the family's bookings: what, when, the price, and cancelling (free until the deadline, billed after).</summary>
public sealed class BookingModel(OccasionalQueries queries, Bookings bookings) : FamilyPage
{
    [BindProperty]
    public int Version { get; set; }

    public BookingRow Row { get; private set; } = null!;
    public DateTimeOffset FreeUntil { get; private set; }
    public bool CancelsFree => bookings.Now <= FreeUntil;
    public bool Started => OccasionalDisplay.StartOf(Row.Booking.Day, Row.Booking.StartsAt) <= bookings.Now;
    public string? Message => TempData[IndexModel.MessageKey] as string;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var booking = await queries.FamilyBookingAsync(FamilyUserId, id, tracked: false, ct);
        if (booking is null) return NotFound();
        await LoadAsync(booking, ct);
        Version = booking.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        var booking = await queries.FamilyBookingAsync(FamilyUserId, id, tracked: true, ct);
        if (booking is null) return NotFound();
        var problems = await bookings.CancelAsync(booking, Version, ct);
        if (problems.Count > 0)
        {
            ModelState.Clear();
            OfferDisplay.AddProblems(ModelState, problems, "");
            await LoadAsync(booking, ct);
            return Page();
        }
        TempData[IndexModel.MessageKey] = booking.Status == BookingStatus.Cancelled
            ? "Votre réservation est annulée, sans frais."
            : $"Votre réservation est annulée. L’annulation est tardive : {OccasionalDisplay.Euros(booking.Price)} restent facturés.";
        return Redirect($"{OccasionalCareFeature.FamilyPath}/reservations/{id}");
    }

    private async Task LoadAsync(OccasionalBooking booking, CancellationToken ct)
    {
        var rows = await queries.FamilyBookingsAsync(FamilyUserId, booking.Day, booking.Day, ct);
        Row = rows.First(r => r.Booking.Id == booking.Id);
        FreeUntil = Bookings.FreeUntil(booking);
    }
}
