using Berceau.Domain.Offer;

namespace Berceau.Domain.OccasionalCare;

/// <summary>Confirmed; cancelled by the family in time (free) or late (billed); cancelled by the crèche (never billed).</summary>
public enum BookingStatus { Confirmed, Cancelled, CancelledLate, CancelledByFacility }

/// <summary>
/// A family's booking of one place of a slot, with the price it was shown (hourly fee × hours), kept as booked: a later change
/// of resources or of the barème does not change a booking already made.
/// </summary>
public sealed class OccasionalBooking
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid SlotId { get; init; }
    public required Guid ChildId { get; init; }
    public required string FamilyUserId { get; init; }
    public required FacilityId FacilityId { get; init; }
    public required DateOnly Day { get; init; }
    public required TimeOnly StartsAt { get; init; }
    public required TimeOnly EndsAt { get; init; }
    public required decimal Hours { get; init; }
    public required decimal HourlyFee { get; init; }
    public required decimal Price { get; init; }
    public required DateTimeOffset BookedAt { get; init; }
    /// <summary>
    /// The free-cancellation notice of the commune when the family booked, in hours: the rule the family was shown is the rule
    /// applied, even if the commune changes its setting afterwards.
    /// </summary>
    public required int FreeCancellationHours { get; init; }
    public BookingStatus Status { get; private set; } = BookingStatus.Confirmed;
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>Who cancelled for the crèche, and why (told to the family).</summary>
    public string? CancelledBy { get; private set; }
    public string? CancellationReason { get; private set; }
    public int Version { get; private set; }

    public const int MinReasonLength = 5;
    public const int MaxReasonLength = 500;

    /// <summary>What the family owes for it: the price, unless it was cancelled in time or by the crèche.</summary>
    public decimal Billed => Status is BookingStatus.Cancelled or BookingStatus.CancelledByFacility ? 0m : Price;

    /// <summary>
    /// Cancels the booking: free until <paramref name="freeUntil"/>, billed after (the place could no longer be offered to
    /// another family). False when it was already cancelled.
    /// </summary>
    public bool Cancel(DateTimeOffset at, DateTimeOffset freeUntil)
    {
        if (Status != BookingStatus.Confirmed) return false;
        Status = at <= freeUntil ? BookingStatus.Cancelled : BookingStatus.CancelledLate;
        CancelledAt = at;
        Version++;
        return true;
    }

    /// <summary>
    /// The crèche cannot take the child after all (closure, staff absent…): the booking is cancelled with its reason and is never
    /// billed, whatever the notice. False when it was already cancelled.
    /// </summary>
    public bool CancelByFacility(DateTimeOffset at, string by, string reason)
    {
        if (Status != BookingStatus.Confirmed) return false;
        Status = BookingStatus.CancelledByFacility;
        CancelledAt = at;
        CancelledBy = by;
        CancellationReason = reason;
        Version++;
        return true;
    }
}

/// <summary>When a booking can still be cancelled free of charge.</summary>
public static class CancellationPolicy
{
    /// <summary>The default notice: a booking is cancelled free of charge until 24 hours before the slot starts.</summary>
    public const int DefaultFreeCancellationHours = 24;

    /// <summary>The bounds of a commune's setting: from « until the start » to a week.</summary>
    public const int MinFreeCancellationHours = 0;
    public const int MaxFreeCancellationHours = 168;

    public static DateTimeOffset FreeUntil(DateTimeOffset slotStart, int hoursBefore) => slotStart.AddHours(-hoursBefore);
}

public static class BookingStatuses
{
    public static string Label(this BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "Confirmée",
        BookingStatus.Cancelled => "Annulée sans frais",
        BookingStatus.CancelledLate => "Annulée tardivement (facturée)",
        BookingStatus.CancelledByFacility => "Annulée par la crèche (non facturée)",
        _ => status.ToString(),
    };
}
