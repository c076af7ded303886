using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>A half-day slot as the director types it.</summary>
public sealed record SlotInput
{
    public string? SectionId { get; init; }
    public string? Day { get; init; }
    public string? HalfDay { get; init; }
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }
    public string? Places { get; init; }
    public string? Origin { get; init; }
    public string? Reason { get; init; }
}

/// <summary>
/// A director publishes (and withdraws) slots of their crèche. Publishing tells the families who asked for it; withdrawing is
/// refused once a family booked, in the same conditional UPDATE that a booking uses, so the two cannot cross.
/// </summary>
public sealed class PublishSlot(BerceauDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    /// <summary>Slots are published at most this many days ahead: vacant places are known a few weeks in advance.</summary>
    public const int MaxDaysAhead = 92;

    public DateOnly Today => ParisTime.DayOf(clock.GetUtcNow());

    public async Task<Outcome<OccasionalSlot>> PublishAsync(Facility facility, SlotInput input, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ParisTime.DayOf(now);
        if (!facility.ReceptionTypes.HasFlag(ReceptionTypes.Occasional) || !facility.IsPsu || !facility.IsOpenOn(today))
            return Problem.Of("occ-facility-not-occasional", "");

        var read = new InputReader();
        var section = Guid.TryParse(input.SectionId, out var sectionId) ? facility.Sections.FirstOrDefault(s => s.Id == sectionId) : null;
        if (section is null) read.Add("occ-section-required", nameof(input.SectionId));
        var day = read.Date(input.Day, nameof(input.Day), required: true);
        if (day is { } d && (d < today || d > today.AddDays(MaxDaysAhead)))
            read.Add("occ-day-range", nameof(input.Day), MaxDaysAhead);
        else if (day is { } open && (!facility.OpeningDays.HasFlag(OccasionalChild.DayOf(open)) || !facility.IsOpenOn(open)))
            read.Add("occ-day-closed", nameof(input.Day));
        HalfDay? halfDay = input.HalfDay switch { nameof(Domain.OccasionalCare.HalfDay.Morning) => Domain.OccasionalCare.HalfDay.Morning,
            nameof(Domain.OccasionalCare.HalfDay.Afternoon) => Domain.OccasionalCare.HalfDay.Afternoon, _ => null };
        if (halfDay is null) read.Add("occ-half-day-required", nameof(input.HalfDay));
        var start = read.Time(input.StartsAt, nameof(input.StartsAt));
        var end = read.Time(input.EndsAt, nameof(input.EndsAt));
        if (string.IsNullOrWhiteSpace(input.StartsAt)) read.Add("occ-time-required", nameof(input.StartsAt));
        if (string.IsNullOrWhiteSpace(input.EndsAt)) read.Add("occ-time-required", nameof(input.EndsAt));
        if (start is { } s && end is { } e)
        {
            if (e <= s) read.Add("occ-times-order", nameof(input.EndsAt));
            else if (facility.OpensAt is { } opens && s < opens || facility.ClosesAt is { } closes && e > closes)
                read.Add("occ-times-opening", nameof(input.StartsAt), OccasionalDisplay.Time(facility.OpensAt ?? s), OccasionalDisplay.Time(facility.ClosesAt ?? e));
            else if (halfDay is { } h && !HalfDays.Fits(h, s, e))
                read.Add("occ-times-half-day", nameof(input.StartsAt));
            else if (day == today && OccasionalDisplay.StartOf(today, s) <= now)
                read.Add("occ-slot-started", nameof(input.StartsAt));
        }
        var places = read.Integer(input.Places, nameof(input.Places), 1, section?.Places ?? OccasionalSlot.MaxPlaces, required: true);
        SlotOrigin? origin = input.Origin switch { nameof(SlotOrigin.PlannedAbsence) => SlotOrigin.PlannedAbsence,
            nameof(SlotOrigin.FreeSeat) => SlotOrigin.FreeSeat, _ => null };
        if (origin is null) read.Add("occ-origin-required", nameof(input.Origin));
        var reason = read.Text(input.Reason, nameof(input.Reason), OccasionalSlot.MaxReasonLength);
        if (read.Problems.Count > 0) return Outcome<OccasionalSlot>.Failure(read.Problems);

        var slot = new OccasionalSlot
        {
            FacilityId = facility.Id,
            SectionId = section!.Id,
            CommuneCode = facility.CommuneCode,
            Day = day!.Value,
            HalfDay = halfDay!.Value,
            StartsAt = start!.Value,
            EndsAt = end!.Value,
            Places = places!.Value,
            MinAgeMonths = section.MinAgeMonths,
            MaxAgeMonths = section.MaxAgeMonths,
            Origin = origin!.Value,
            Reason = reason,
            PublishedAt = now,
            PublishedBy = by,
        };
        db.OccasionalSlots.Add(slot);
        audit.Record(OccasionalAudit.Published, OccasionalAudit.SlotEntity, slot.Id.ToString(),
            $"structure {facility.Id}, section {section.Name}, {slot.Day:yyyy-MM-dd} {slot.StartsAt:HH:mm}-{slot.EndsAt:HH:mm}, {slot.Places} place(s), {slot.Origin}");
        await AlertAsync(facility, slot, ct);
        await db.SaveChangesAsync(ct);
        return slot;
    }

    /// <summary>Withdraws a slot nobody booked; false when a family booked meanwhile (or it was already withdrawn).</summary>
    public async Task<bool> WithdrawAsync(Facility facility, Guid slotId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var withdrawn = await db.OccasionalSlots
            .Where(s => s.Id == slotId && s.FacilityId == facility.Id && s.WithdrawnAt == null && s.Booked == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.WithdrawnAt, now), ct);
        if (withdrawn == 0) return false;
        audit.Record(OccasionalAudit.Withdrawn, OccasionalAudit.SlotEntity, slotId.ToString(), $"structure {facility.Id}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Tells each family whose file is complete and who asked for it (this facility or the commune, this day, this age).</summary>
    private async Task AlertAsync(Facility facility, OccasionalSlot slot, CancellationToken ct)
    {
        var candidates = await db.OccasionalChildren.AsNoTracking()
            .Where(c => c.CommuneCode == slot.CommuneCode && c.Alerts && c.Status == OccasionalFileStatus.Complete)
            .ToListAsync(ct);
        var wanted = candidates.Where(c => c.WantsAlertFor(slot)).ToList();
        if (wanted.Count == 0) return;
        var userIds = wanted.Select(c => c.FamilyUserId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var items = wanted.Where(c => emails.ContainsKey(c.FamilyUserId))
            .Select(c => (new Recipient(emails[c.FamilyUserId], c.FamilyUserId), OccasionalEmails.SlotOpened(facility.Name, slot, c),
                $"{OccasionalEmails.SlotOpenedKind}:{slot.Id}:{c.Id}"))
            .ToList();
        await notifier.QueueManyAsync(items, ct);
    }
}
