using Berceau.Data;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>A slot with the names a page shows beside it.</summary>
public sealed record SlotRow(OccasionalSlot Slot, string FacilityName, string SectionName, CareMode Mode);

/// <summary>A booking with the names a page shows beside it.</summary>
public sealed record BookingRow(OccasionalBooking Booking, string FacilityName, string SectionName, string ChildName, DateOnly ChildBirthDate);

/// <summary>A family's statement for one month: every booking of the month and what is billed.</summary>
public sealed record Statement(int Year, int Month, IReadOnlyList<BookingRow> Rows)
{
    public decimal BilledHours => Rows.Where(r => r.Booking.Billed > 0).Sum(r => r.Booking.Hours);

    public decimal Total => Rows.Sum(r => r.Booking.Billed);

    public string Title => new DateOnly(Year, Month, 1).ToString("MMMM yyyy", OccasionalDisplay.French);
}

/// <summary>The reads of occasional care, as plain queries (families: their own only; staff pages check access first).</summary>
public sealed class OccasionalQueries(BerceauDbContext db, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => ParisTime.DayOf(Now);

    /// <summary>Slots of a facility from <paramref name="from"/> on, withdrawn ones included (the director sees what they did).</summary>
    public async Task<IReadOnlyList<SlotRow>> FacilitySlotsAsync(Facility facility, DateOnly from, CancellationToken ct)
    {
        var slots = await db.OccasionalSlots.AsNoTracking().Where(s => s.FacilityId == facility.Id && s.Day >= from)
            .OrderBy(s => s.Day).ThenBy(s => s.StartsAt).Take(200).ToListAsync(ct);
        return [.. slots.Select(s => new SlotRow(s, facility.Name, SectionName(facility, s.SectionId), facility.Mode))];
    }

    /// <summary>
    /// Bookings of a facility on a day but those the family cancelled in time: children expected, late cancellations (billed) and
    /// those the crèche cancelled (so the team sees what it did); by time then name.
    /// </summary>
    public async Task<IReadOnlyList<BookingRow>> DayBookingsAsync(Facility facility, DateOnly day, CancellationToken ct)
    {
        var rows = await (from b in db.OccasionalBookings.AsNoTracking()
                          join c in db.OccasionalChildren.AsNoTracking() on b.ChildId equals c.Id
                          join s in db.OccasionalSlots.AsNoTracking() on b.SlotId equals s.Id
                          where b.FacilityId == facility.Id && b.Day == day && b.Status != BookingStatus.Cancelled
                          select new { b, c.ChildFirstName, c.ChildLastName, c.ChildBirthDate, s.SectionId }).ToListAsync(ct);
        return [.. rows.Select(r => new BookingRow(r.b, facility.Name, SectionName(facility, r.SectionId), $"{r.ChildFirstName} {r.ChildLastName}", r.ChildBirthDate))
            .OrderBy(r => r.Booking.StartsAt).ThenBy(r => r.ChildName, StringComparer.Create(OccasionalDisplay.French, true))];
    }

    /// <summary>One booking of the facility, whatever its state, with the child's name; null when it is not this facility's.</summary>
    public async Task<BookingRow?> FacilityBookingAsync(Facility facility, Guid id, CancellationToken ct)
    {
        var row = await (from b in db.OccasionalBookings.AsNoTracking()
                         join c in db.OccasionalChildren.AsNoTracking() on b.ChildId equals c.Id
                         join s in db.OccasionalSlots.AsNoTracking() on b.SlotId equals s.Id
                         where b.Id == id && b.FacilityId == facility.Id
                         select new { b, c.ChildFirstName, c.ChildLastName, c.ChildBirthDate, s.SectionId }).FirstOrDefaultAsync(ct);
        return row is null ? null : new BookingRow(row.b, facility.Name, SectionName(facility, row.SectionId), $"{row.ChildFirstName} {row.ChildLastName}", row.ChildBirthDate);
    }

    public async Task<IReadOnlyList<OccasionalChild>> FamilyChildrenAsync(string familyUserId, CancellationToken ct) =>
        await db.OccasionalChildren.AsNoTracking().Where(c => c.FamilyUserId == familyUserId).OrderBy(c => c.CreatedAt).ToListAsync(ct);

    /// <summary>The family's own file, or null (another family's file is "not found", never "forbidden": its existence is not told).</summary>
    public Task<OccasionalChild?> FamilyChildAsync(string familyUserId, Guid id, bool tracked, CancellationToken ct) =>
        (tracked ? db.OccasionalChildren : db.OccasionalChildren.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id && c.FamilyUserId == familyUserId, ct);

    /// <summary>
    /// Slots this child may book: of its commune, not withdrawn, with a free place, not started, whose section takes a child of
    /// its age on that day; optionally one day and one facility.
    /// </summary>
    public async Task<IReadOnlyList<SlotRow>> OpenSlotsAsync(OccasionalChild child, DateOnly? day, Guid? facilityId, CancellationToken ct)
    {
        var today = Today;
        var query = db.OccasionalSlots.AsNoTracking()
            .Where(s => s.CommuneCode == child.CommuneCode && s.Day >= today && s.WithdrawnAt == null && s.Booked < s.Places);
        if (day is { } d) query = query.Where(s => s.Day == d);
        if (facilityId is { } f) query = query.Where(s => s.FacilityId == new FacilityId(f));
        var slots = await query.OrderBy(s => s.Day).ThenBy(s => s.StartsAt).Take(500).ToListAsync(ct);
        var now = Now;
        slots = [.. slots.Where(s => s.Suits(HalfDays.AgeInMonths(child.ChildBirthDate, s.Day)) && OccasionalDisplay.StartOf(s.Day, s.StartsAt) > now)];
        return await WithNamesAsync(slots, ct);
    }

    /// <summary>The facilities accepting occasional care in a commune (for the filters), by name.</summary>
    public async Task<IReadOnlyList<(FacilityId Id, string Name)>> CommuneFacilitiesAsync(string communeCode, CancellationToken ct)
    {
        var today = Today;
        var rows = await db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == communeCode && (f.ReceptionTypes & ReceptionTypes.Occasional) != 0 && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => new { f.Id, f.Name }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Create(OccasionalDisplay.French, true)).Select(r => (r.Id, r.Name))];
    }

    public async Task<SlotRow?> SlotAsync(Guid id, CancellationToken ct)
    {
        var slot = await db.OccasionalSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return slot is null ? null : (await WithNamesAsync([slot], ct)).Single();
    }

    /// <summary>The family's own booking, or null.</summary>
    public Task<OccasionalBooking?> FamilyBookingAsync(string familyUserId, Guid id, bool tracked, CancellationToken ct) =>
        (tracked ? db.OccasionalBookings : db.OccasionalBookings.AsNoTracking()).FirstOrDefaultAsync(b => b.Id == id && b.FamilyUserId == familyUserId, ct);

    /// <summary>The family's bookings between two days (inclusive), by day and time.</summary>
    public async Task<IReadOnlyList<BookingRow>> FamilyBookingsAsync(string familyUserId, DateOnly firstDay, DateOnly lastDay, CancellationToken ct)
    {
        var rows = await (from b in db.OccasionalBookings.AsNoTracking()
                          join c in db.OccasionalChildren.AsNoTracking() on b.ChildId equals c.Id
                          join s in db.OccasionalSlots.AsNoTracking() on b.SlotId equals s.Id
                          join f in db.Facilities.AsNoTracking() on b.FacilityId equals f.Id
                          join sec in db.Sections.AsNoTracking() on s.SectionId equals sec.Id into sections
                          from sec in sections.DefaultIfEmpty()
                          where b.FamilyUserId == familyUserId && b.Day >= firstDay && b.Day <= lastDay
                          select new { b, c.ChildFirstName, c.ChildLastName, c.ChildBirthDate, f.Name, Section = sec == null ? "" : sec.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => new BookingRow(r.b, r.Name, r.Section, $"{r.ChildFirstName} {r.ChildLastName}", r.ChildBirthDate))
            .OrderBy(r => r.Booking.Day).ThenBy(r => r.Booking.StartsAt)];
    }

    public async Task<Statement> StatementAsync(string familyUserId, int year, int month, CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        return new Statement(year, month, await FamilyBookingsAsync(familyUserId, first, first.AddMonths(1).AddDays(-1), ct));
    }

    private async Task<IReadOnlyList<SlotRow>> WithNamesAsync(IReadOnlyList<OccasionalSlot> slots, CancellationToken ct)
    {
        var facilityIds = slots.Select(s => s.FacilityId).Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Include(f => f.Sections).Where(f => facilityIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        return [.. slots.Where(s => facilities.ContainsKey(s.FacilityId)).Select(s =>
        {
            var f = facilities[s.FacilityId];
            return new SlotRow(s, f.Name, SectionName(f, s.SectionId), f.Mode);
        })];
    }

    private static string SectionName(Facility facility, Guid sectionId) =>
        facility.Sections.FirstOrDefault(s => s.Id == sectionId)?.Name ?? "Section supprimée";
}
