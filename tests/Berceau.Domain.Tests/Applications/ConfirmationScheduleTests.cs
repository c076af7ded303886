using Berceau.Domain.Applications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Berceau.Domain.Applications.ConfirmationStep;

namespace Berceau.Domain.Tests.Applications;

public class ConfirmationScheduleTests
{
    private static readonly DateOnly Confirmed = new(2026, 8, 23);

    [Theory]
    [InlineData("2026-11-22", null, UpToDate)]
    [InlineData("2026-11-23", null, Due)]        // three months to the day
    [InlineData("2026-12-07", null, Due)]
    [InlineData("2026-12-08", null, Warned)]     // 15 days after the reminder: warn
    [InlineData("2027-03-01", null, Warned)]     // never warned: warn first, however late
    [InlineData("2026-12-22", "2026-12-08", Warned)]
    [InlineData("2026-12-23", "2026-12-08", Lapses)] // a month after the reminder, 15 days after the warning
    public void StepOn_FollowsReminderWarningLapse(string today, string? warnedOn, ConfirmationStep expected) =>
        Assert.Equal(expected, ConfirmationSchedule.StepOn(DateOnly.Parse(today), Confirmed, warnedOn is null ? null : DateOnly.Parse(warnedOn)));

    [Fact]
    public void StepOn_WarningSentLate_StillLeavesFifteenDaysBeforeTheLapse()
    {
        var warnedLate = new DateOnly(2027, 1, 10);

        Assert.Equal(Warned, ConfirmationSchedule.StepOn(warnedLate.AddDays(14), Confirmed, warnedLate));
        Assert.Equal(Lapses, ConfirmationSchedule.StepOn(warnedLate.AddDays(15), Confirmed, warnedLate));
    }

    [Fact]
    public void StepOn_AWarningOfAnEarlierRound_DoesNotCount() =>
        Assert.Equal(Due, ConfirmationSchedule.StepOn(new DateOnly(2026, 11, 25), Confirmed, warnedOn: new DateOnly(2026, 6, 1)));

    /// <summary>Whatever the dates, nobody lapses without a warning sent at least 15 days before, in the same round.</summary>
    [Property(MaxTest = 1000)]
    public Property NobodyLapses_WithoutNotice() =>
        Prop.ForAll(
            Gen.Choose(0, 400).Three().ToArbitrary(),
            days =>
            {
                var (todayOffset, warnedOffset, hasWarning) = days;
                var today = Confirmed.AddDays(todayOffset);
                DateOnly? warned = hasWarning % 2 == 0 ? Confirmed.AddDays(Math.Min(warnedOffset, todayOffset)) : null;
                var step = ConfirmationSchedule.StepOn(today, Confirmed, warned);
                return step != Lapses
                    || (warned is { } w && w >= ConfirmationSchedule.DueOn(Confirmed) && today.DayNumber - w.DayNumber >= ConfirmationSchedule.NoticeDays);
            });
}
