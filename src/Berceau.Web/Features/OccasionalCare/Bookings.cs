using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Fees;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>
/// Families book and cancel places of slots. The price is computed the same way for the page that shows it and for the booking
/// that records it. A place is taken by one conditional UPDATE (<c>Booked = Booked + 1 WHERE Booked &lt; Places</c>): when two
/// families take the last place at the same instant, the database serialises the two updates and the second changes no row, so
/// the first confirmed booking wins and the second family is told the slot is full. A unique index keeps a child from holding
/// two places of one slot.
/// </summary>
public sealed class Bookings(BerceauDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock, CancellationNotices notices)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The commune's free-cancellation notice, in hours, as a new booking of its slots gets it.</summary>
    public Task<int> FreeCancellationHoursAsync(string communeCode, CancellationToken ct) => notices.HoursAsync(communeCode, ct);

    /// <summary>The price of the slot for this child's household, with the barème in force on the slot's day.</summary>
    public async Task<Outcome<OccasionalQuote>> QuoteAsync(OccasionalSlot slot, CareMode mode, OccasionalChild child, CancellationToken ct)
    {
        var all = await db.FeeParameters.AsNoTracking().ToListAsync(ct);
        var parameters = PsuParameters.Resolve(all, slot.Day);
        if (!parameters.IsSuccess) return Outcome<OccasionalQuote>.Failure(parameters.Problems);
        return OccasionalPrice.Compute(child.AnnualResources, child.ChildrenInHousehold, child.DisabledChildInHousehold,
            OccasionalDisplay.PsuMode(mode), slot.Hours, parameters.Value);
    }

    /// <summary>Why this child cannot book this slot now, or null.</summary>
    public Problem? Refusal(OccasionalSlot slot, OccasionalChild child)
    {
        if (!child.CanBook) return Problem.Of("occ-file-not-complete", "");
        if (slot.IsWithdrawn) return Problem.Of("occ-slot-withdrawn", "");
        if (slot.CommuneCode != child.CommuneCode) return Problem.Of("occ-slot-other-commune", "");
        if (!slot.Suits(HalfDays.AgeInMonths(child.ChildBirthDate, slot.Day)))
            return Problem.Of("occ-slot-age", "", slot.MinAgeMonths, slot.MaxAgeMonths);
        if (OccasionalDisplay.StartOf(slot.Day, slot.StartsAt) <= Now) return Problem.Of("occ-slot-started-family", "");
        return slot.FreePlaces == 0 ? Problem.Of("occ-slot-full", "") : null;
    }

    /// <summary>
    /// Books one place for the child, at the price the family was shown (<paramref name="shownPrice"/>, as the page printed it):
    /// if it changed meanwhile, nothing is booked and the family sees the new price first.
    /// </summary>
    public async Task<Outcome<OccasionalBooking>> BookAsync(OccasionalSlot slot, Facility facility, OccasionalChild child, string? shownPrice,
        string familyEmail, CancellationToken ct)
    {
        if (Refusal(slot, child) is { } refused) return refused;
        if (await db.OccasionalBookings.AnyAsync(b => b.SlotId == slot.Id && b.ChildId == child.Id && b.Status == BookingStatus.Confirmed, ct))
            return Problem.Of("occ-already-booked", "");
        var quote = await QuoteAsync(slot, facility.Mode, child, ct);
        if (!quote.IsSuccess) return Problem.Of("occ-price-unavailable", "");
        if (shownPrice != PriceToken(quote.Value.Price)) return Problem.Of("occ-price-changed", "", OccasionalDisplay.Euros(quote.Value.Price));

        var notice = await notices.HoursAsync(slot.CommuneCode, ct);
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.OccasionalSlots
            .Where(s => s.Id == slot.Id && s.WithdrawnAt == null && s.Booked < s.Places)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct);
        if (taken == 0) return Problem.Of("occ-slot-full", "");

        var booking = new OccasionalBooking
        {
            SlotId = slot.Id,
            ChildId = child.Id,
            FamilyUserId = child.FamilyUserId,
            FacilityId = facility.Id,
            Day = slot.Day,
            StartsAt = slot.StartsAt,
            EndsAt = slot.EndsAt,
            Hours = quote.Value.Hours,
            HourlyFee = quote.Value.HourlyFee,
            Price = quote.Value.Price,
            BookedAt = now,
            FreeCancellationHours = notice,
        };
        db.OccasionalBookings.Add(booking);
        audit.Record(OccasionalAudit.Booked, OccasionalAudit.BookingEntity, booking.Id.ToString(),
            $"créneau {slot.Id}, dossier {child.Id}, {booking.Hours} h × {booking.HourlyFee} € = {booking.Price} €");
        await notifier.QueueAsync(new Recipient(familyEmail, child.FamilyUserId), OccasionalEmails.Booked(facility.Name, booking, slot.CommuneCode),
            $"{OccasionalEmails.BookedKind}:{booking.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same child booked this slot in a parallel request: the unique index refused the second place.
            db.ChangeTracker.Clear();
            return Problem.Of("occ-already-booked", "");
        }
        await tx.CommitAsync(ct);
        return booking;
    }

    /// <summary>The moment until which the booking is cancelled free of charge: the notice it was booked with.</summary>
    public static DateTimeOffset FreeUntil(OccasionalBooking booking) =>
        CancellationPolicy.FreeUntil(OccasionalDisplay.StartOf(booking.Day, booking.StartsAt), booking.FreeCancellationHours);

    /// <summary>Cancels a booking (tracked) and gives its place back to the slot; late cancellations stay billed.</summary>
    public async Task<IReadOnlyList<Problem>> CancelAsync(OccasionalBooking booking, int version, CancellationToken ct)
    {
        var now = Now;
        if (booking.Status != BookingStatus.Confirmed) return [Problem.Of("occ-booking-cancelled", "")];
        if (booking.Version != version) return [Problem.Of("concurrency", "")];
        if (OccasionalDisplay.StartOf(booking.Day, booking.StartsAt) <= now) return [Problem.Of("occ-booking-started", "")];
        booking.Cancel(now, FreeUntil(booking));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record(OccasionalAudit.Cancelled, OccasionalAudit.BookingEntity, booking.Id.ToString(), booking.Status.Label());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
        await db.OccasionalSlots.Where(s => s.Id == booking.SlotId && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>
    /// The crèche cancels a booking (tracked) with a reason: never billed, the family is told (e-mail and its account, through the
    /// outbox, in the same transaction). The place is not offered again — the crèche cancels because it cannot take a child — so
    /// the slot loses it (and is withdrawn when it was its last place).
    /// </summary>
    public async Task<IReadOnlyList<Problem>> CancelByFacilityAsync(OccasionalBooking booking, string facilityName, string communeCode, int version,
        string? reasonText, string by, CancellationToken ct)
    {
        var read = new InputReader();
        var reason = read.Text(reasonText, "Reason", OccasionalBooking.MaxReasonLength);
        if (!read.HasProblem("Reason") && (reason is null || reason.Length < OccasionalBooking.MinReasonLength))
            read.Add("occ-cancel-reason", "Reason", OccasionalBooking.MinReasonLength);
        if (read.Problems.Count > 0) return read.Problems;
        var now = Now;
        if (booking.Status != BookingStatus.Confirmed) return [Problem.Of("occ-booking-cancelled", "")];
        if (booking.Version != version) return [Problem.Of("concurrency", "")];
        if (OccasionalDisplay.StartOf(booking.Day, booking.StartsAt) <= now) return [Problem.Of("occ-booking-started", "")];
        booking.CancelByFacility(now, by, reason!);
        var email = await db.Users.Where(u => u.Id == booking.FamilyUserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Record(OccasionalAudit.CancelledByFacility, OccasionalAudit.BookingEntity, booking.Id.ToString(), reason!);
        await notifier.QueueAsync(new Recipient(email, booking.FamilyUserId), OccasionalEmails.CancelledByFacility(facilityName, booking, communeCode),
            $"{OccasionalEmails.CancelledByFacilityKind}:{booking.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
        await db.OccasionalSlots.Where(s => s.Id == booking.SlotId && s.Booked > 0)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Booked, x => x.Booked - 1)
                .SetProperty(x => x.Places, x => x.Places > 1 ? x.Places - 1 : x.Places)
                .SetProperty(x => x.WithdrawnAt, x => x.Places > 1 ? x.WithdrawnAt : now), ct);
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>The price as the booking form carries it, invariant (« 6.51 »).</summary>
    public static string PriceToken(decimal price) => price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
