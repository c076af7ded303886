using Berceau.Domain.Common;

namespace Berceau.Domain.Offer;

/// <summary>
/// Places of a section closed for lack of staff (places gelées, RULES §8) from <see cref="From"/> to <see cref="To"/> included
/// (open-ended when <see cref="To"/> is null: « until we recruit »). Places ouvertes on a day = places agréées − places gelées
/// that day. Lives in the offer's namespace on purpose: a freeze changes the public offer, so saving one drops the portal's cache
/// (<c>OfferChangeInterceptor</c>).
/// </summary>
public sealed class PlaceFreeze
{
    public const int MaxReasonLength = 500;
    public const int MinReasonLength = 5;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required FacilityId FacilityId { get; init; }
    public required Guid SectionId { get; init; }
    public int Places { get; init; }
    public DateOnly From { get; init; }
    public DateOnly? To { get; private set; }
    public required string Reason { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndedBy { get; private set; }

    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || To >= day);

    /// <summary>Has days on or after <paramref name="day"/>: still to be lived, so it may be ended early.</summary>
    public bool IsCurrentOrFuture(DateOnly day) => To is null || To >= day;

    /// <summary>Places of <paramref name="section"/> frozen on <paramref name="day"/>, never more than its places.</summary>
    public static int FrozenOn(IEnumerable<PlaceFreeze> freezes, Section section, DateOnly day) =>
        Math.Min(section.Places, freezes.Where(f => f.SectionId == section.Id && f.IsActiveOn(day)).Sum(f => f.Places));

    /// <summary>Places of <paramref name="section"/> open on <paramref name="day"/>: agréées less gelées.</summary>
    public static int OpenOn(IEnumerable<PlaceFreeze> freezes, Section section, DateOnly day) =>
        section.Places - FrozenOn(freezes, section, day);

    /// <summary>Places of the facility open on <paramref name="day"/> (the sum over its sections; a facility without sections: its capacity).</summary>
    public static int OpenOn(IEnumerable<PlaceFreeze> freezes, Facility facility, DateOnly day)
    {
        if (facility.Sections.Count == 0) return facility.Capacity;
        var list = freezes as IReadOnlyCollection<PlaceFreeze> ?? [.. freezes];
        return facility.Sections.Sum(s => OpenOn(list, s, day));
    }

    /// <summary>
    /// Records a freeze of <paramref name="places"/> places of a section. Checks: the section is the facility's, the dates are in
    /// order and the start not in the past, a reason is written, and on no day of the period would more places be frozen than
    /// the section holds (counting the freezes already recorded).
    /// </summary>
    public static Outcome<PlaceFreeze> Record(Facility facility, Guid sectionId, int places, DateOnly from, DateOnly? to, string? reason,
        IReadOnlyCollection<PlaceFreeze> existing, DateOnly today, DateTimeOffset at, string by)
    {
        var section = facility.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (section is null) return Problem.Of("freeze-section", "SectionId");
        var problems = new List<Problem>();
        if (places < 1 || places > section.Places) problems.Add(Problem.Of("freeze-places-range", "Places", section.Name, section.Places));
        if (from < today) problems.Add(Problem.Of("freeze-from-past", "From", today));
        if (to is { } end && end < from) problems.Add(Problem.Of("freeze-to-before-from", "To"));
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length < MinReasonLength) problems.Add(Problem.Of("freeze-reason", "Reason", MinReasonLength));
        else if (why.Length > MaxReasonLength) problems.Add(Problem.Of("too-long", "Reason", MaxReasonLength));
        if (problems.Count > 0) return Outcome<PlaceFreeze>.Failure(problems);

        // The frozen total only grows at the start of a freeze: checking the new start and every overlapping start is enough.
        var others = existing.Where(f => f.SectionId == sectionId && f.FacilityId == facility.Id).ToList();
        var days = others.Select(f => f.From).Where(d => d > from && (to is null || d <= to)).Append(from);
        var worst = days.Max(d => others.Where(f => f.IsActiveOn(d)).Sum(f => f.Places));
        if (worst + places > section.Places)
            return Problem.Of("freeze-over-capacity", "Places", section.Name, section.Places, Math.Max(0, section.Places - worst));

        return new PlaceFreeze
        {
            FacilityId = facility.Id, SectionId = sectionId, Places = places, From = from, To = to, Reason = why!,
            RecordedBy = by, RecordedAt = at,
        };
    }

    /// <summary>
    /// The places reopen: the freeze ends the day before <paramref name="reopenOn"/> (a freeze that had not started yet ends
    /// before its start, and so never counted). Only a current or future freeze can end, and not after its planned end.
    /// </summary>
    public Outcome<bool> End(DateOnly reopenOn, DateOnly today, DateTimeOffset at, string by)
    {
        if (!IsCurrentOrFuture(today)) return Problem.Of("freeze-already-over", "");
        if (reopenOn < today) return Problem.Of("freeze-reopen-past", "ReopenOn", today);
        if (To is { } end && reopenOn > end) return Problem.Of("freeze-reopen-after-end", "ReopenOn", end);
        To = reopenOn.AddDays(-1);
        (EndedAt, EndedBy) = (at, by);
        return true;
    }
}
