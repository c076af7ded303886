using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.OccasionalCare;

/// <summary>Cancellation deadline, ages of a section, half-days, alerts.</summary>
public class OccasionalBookingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 7, 30, 0, TimeSpan.Zero);

    private static OccasionalBooking Booking() => new()
    {
        SlotId = Guid.NewGuid(), ChildId = Guid.NewGuid(), FamilyUserId = "f", FacilityId = FacilityId.New(),
        Day = new DateOnly(2026, 12, 2), StartsAt = new TimeOnly(8, 30), EndsAt = new TimeOnly(12, 0),
        Hours = 3.5m, HourlyFee = 1.86m, Price = 6.51m, BookedAt = Start.AddDays(-5),
        FreeCancellationHours = CancellationPolicy.DefaultFreeCancellationHours,
    };

    [Fact]
    public void Cancel_UntilTheDeadline_IsFree_AndAfter_IsBilled()
    {
        var freeUntil = CancellationPolicy.FreeUntil(Start, CancellationPolicy.DefaultFreeCancellationHours);
        var inTime = Booking();
        var late = Booking();

        Assert.True(inTime.Cancel(freeUntil, freeUntil));
        Assert.True(late.Cancel(freeUntil.AddMinutes(1), freeUntil));
        Assert.False(late.Cancel(freeUntil.AddMinutes(2), freeUntil));

        Assert.Equal(Start.AddHours(-24), freeUntil);
        Assert.Equal((BookingStatus.Cancelled, 0m), (inTime.Status, inTime.Billed));
        Assert.Equal((BookingStatus.CancelledLate, 6.51m), (late.Status, late.Billed));
        Assert.Equal(6.51m, Booking().Billed);
    }

    [Theory]
    [InlineData("2025-03-15", "2026-12-14", 20)]
    [InlineData("2025-03-15", "2026-12-15", 21)]
    [InlineData("2024-02-29", "2026-02-28", 23)]
    [InlineData("2026-12-01", "2026-12-01", 0)]
    public void AgeInMonths_CountsWholeMonths(string birth, string day, int months) =>
        Assert.Equal(months, HalfDays.AgeInMonths(DateOnly.Parse(birth), DateOnly.Parse(day)));

    [Fact]
    public void HalfDays_KeepMorningsBeforeOnePm_AndAfternoonsAfterNoon()
    {
        Assert.True(HalfDays.Fits(HalfDay.Morning, new(8, 0), new(12, 30)));
        Assert.False(HalfDays.Fits(HalfDay.Morning, new(8, 0), new(17, 0)));
        Assert.True(HalfDays.Fits(HalfDay.Afternoon, new(13, 30), new(17, 30)));
        Assert.False(HalfDays.Fits(HalfDay.Afternoon, new(9, 0), new(17, 30)));
    }

    [Fact]
    public void Alert_GoesOnlyToCompleteFiles_OfTheCommune_ForTheChosenFacilityDaysAndAge()
    {
        var facility = FacilityId.New();
        var slot = new OccasionalSlot
        {
            FacilityId = facility, SectionId = Guid.NewGuid(), CommuneCode = "93045", Day = new DateOnly(2026, 12, 2), // a Wednesday
            HalfDay = HalfDay.Morning, StartsAt = new(8, 30), EndsAt = new(12, 0), Places = 2, MinAgeMonths = 10, MaxAgeMonths = 36,
            Origin = SlotOrigin.FreeSeat, PublishedAt = Start, PublishedBy = "d",
        };
        OccasionalChild Child(DateOnly birth, string commune = "93045")
        {
            var child = new OccasionalChild
            {
                FamilyUserId = "f", CommuneCode = commune, ChildFirstName = "Léa", ChildLastName = "Test", ChildBirthDate = birth,
                AnnualResources = 36_000m, ChildrenInHousehold = 1, ConsentAt = Start, CreatedAt = Start,
            };
            child.MarkComplete("agent", Start);
            return child;
        }
        var any = Child(new DateOnly(2025, 3, 1));
        any.SetAlerts(true, null, WeekDays.None);
        var wednesday = Child(new DateOnly(2025, 3, 1));
        wednesday.SetAlerts(true, facility, WeekDays.Wednesday);
        var monday = Child(new DateOnly(2025, 3, 1));
        monday.SetAlerts(true, null, WeekDays.Monday);
        var baby = Child(new DateOnly(2026, 6, 1));
        baby.SetAlerts(true, null, WeekDays.None);
        var elsewhere = Child(new DateOnly(2025, 3, 1), "93047");
        elsewhere.SetAlerts(true, null, WeekDays.None);
        var off = Child(new DateOnly(2025, 3, 1));
        var pending = Child(new DateOnly(2025, 3, 1));
        pending.SetAlerts(true, null, WeekDays.None);
        pending.Resubmit();

        Assert.True(any.WantsAlertFor(slot));
        Assert.True(wednesday.WantsAlertFor(slot));
        Assert.False(monday.WantsAlertFor(slot));
        Assert.False(baby.WantsAlertFor(slot));
        Assert.False(elsewhere.WantsAlertFor(slot));
        Assert.False(off.WantsAlertFor(slot));
        Assert.False(pending.WantsAlertFor(slot));
    }
}
