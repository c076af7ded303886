using Berceau.Domain.Offer;

namespace Berceau.Domain.OccasionalCare;

public enum HalfDay { Morning, Afternoon }

/// <summary>Why the places are free that half-day: a regular child's planned absence, or a place nobody holds.</summary>
public enum SlotOrigin { PlannedAbsence, FreeSeat }

/// <summary>
/// A créneau d'accueil occasionnel: places of one section of a crèche, free for one half-day, that the director opens to
/// families registered for occasional care. <see cref="Booked"/> only ever changes through one conditional UPDATE in the
/// database (see the booking handler), so two families can never take the same last place.
/// </summary>
public sealed class OccasionalSlot
{
    public const int MaxReasonLength = 300;
    public const int MaxPlaces = 30;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required FacilityId FacilityId { get; init; }
    public required Guid SectionId { get; init; }
    /// <summary>The facility's commune: families of that commune see the slot.</summary>
    public required string CommuneCode { get; init; }
    /// <summary>The day, in the territory's time.</summary>
    public required DateOnly Day { get; init; }
    public required HalfDay HalfDay { get; init; }
    public required TimeOnly StartsAt { get; init; }
    public required TimeOnly EndsAt { get; init; }
    public required int Places { get; init; }
    public int Booked { get; init; }
    /// <summary>Ages of the section when the slot was published, in months (a section's ages may change later).</summary>
    public required int MinAgeMonths { get; init; }
    public required int MaxAgeMonths { get; init; }
    public required SlotOrigin Origin { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public required string PublishedBy { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }

    public decimal Hours => OccasionalPrice.Hours(StartsAt, EndsAt);

    public int FreePlaces => Math.Max(0, Places - Booked);

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>A child of <paramref name="ageMonths"/> on the slot's day fits the section.</summary>
    public bool Suits(int ageMonths) => ageMonths >= MinAgeMonths && ageMonths <= MaxAgeMonths;
}

public static class HalfDays
{
    public static string Label(this HalfDay halfDay) => halfDay == HalfDay.Morning ? "Matin" : "Après-midi";

    public static string Label(this SlotOrigin origin) => origin == SlotOrigin.PlannedAbsence ? "Absence prévue d’un enfant" : "Place libre";

    /// <summary>Morning ends at 13:00 at the latest, afternoon starts at 12:00 at the earliest: a half-day stays a half-day.</summary>
    public static bool Fits(HalfDay halfDay, TimeOnly start, TimeOnly end) => halfDay == HalfDay.Morning
        ? end <= new TimeOnly(13, 0)
        : start >= new TimeOnly(12, 0);

    /// <summary>Whole months between the birth date and <paramref name="day"/> (the day of the month counts).</summary>
    public static int AgeInMonths(DateOnly birthDate, DateOnly day)
    {
        var months = (day.Year - birthDate.Year) * 12 + day.Month - birthDate.Month;
        if (day.Day < birthDate.Day) months--;
        return months;
    }
}
