namespace Berceau.Domain.Applications;

public enum ConfirmationStep
{
    /// <summary>Confirmed less than three months ago: nothing to do.</summary>
    UpToDate,
    /// <summary>Three months since the last confirmation: the family is reminded.</summary>
    Due,
    /// <summary>Still no answer two weeks later: the family is warned the application will lapse.</summary>
    Warned,
    /// <summary>Still no answer a month after the reminder: the application lapses (caduque).</summary>
    Lapses,
}

/// <summary>
/// A waiting family confirms its application every three months (issue 5), so that the lists the commission reads are
/// alive. The steps are dates, not jobs: whichever day the worker runs, it finds the same step, and a late run never
/// skips the warning (a family is warned at least <see cref="NoticeDays"/> days before its application lapses).
/// </summary>
public static class ConfirmationSchedule
{
    public const int IntervalMonths = 3;
    public const int WarningAfterDays = 15;
    public const int LapseAfterDays = 30;
    /// <summary>The least time between the warning and the lapse, even when the worker did not run for a while.</summary>
    public const int NoticeDays = LapseAfterDays - WarningAfterDays;

    public static DateOnly DueOn(DateOnly lastConfirmed) => lastConfirmed.AddMonths(IntervalMonths);

    /// <param name="warnedOn">When the warning was actually sent, if it was: the lapse counts from it.</param>
    public static ConfirmationStep StepOn(DateOnly today, DateOnly lastConfirmed, DateOnly? warnedOn)
    {
        var due = DueOn(lastConfirmed);
        if (today < due) return ConfirmationStep.UpToDate;
        if (warnedOn is { } warned && warned >= due)
            return today >= Max(due.AddDays(LapseAfterDays), warned.AddDays(NoticeDays)) ? ConfirmationStep.Lapses : ConfirmationStep.Warned;
        return today >= due.AddDays(WarningAfterDays) ? ConfirmationStep.Warned : ConfirmationStep.Due;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
