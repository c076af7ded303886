using Berceau.Domain.Applications;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>What the sources read of the family's need, worked out once the same way for all of them.</summary>
public static class NeedFacts
{
    /// <summary>The day care should start: the wanted start, or today when it has passed (or was not given).</summary>
    public static DateOnly StartOn(SolutionsNeed need) =>
        need.Application.DesiredStart is { } start && start > need.Today ? start : need.Today;

    /// <summary>The child's age in whole months on the day care should start (from the expected birth date for a child to be born).</summary>
    public static int? AgeMonthsAtStart(SolutionsNeed need)
    {
        var born = need.Application.ChildBirthDate ?? need.Application.ChildExpectedBirthDate;
        if (born is not { } b) return null;
        var on = StartOn(need);
        var months = (on.Year - b.Year) * 12 + on.Month - b.Month - (on.Day < b.Day ? 1 : 0);
        return Math.Max(0, months);
    }

    /// <summary>Hours a week the family asked for (days × daily hours), null when the hours are not known.</summary>
    public static decimal? HoursPerWeek(Application a)
    {
        if (a.From is not { } from || a.To is not { } to || to <= from) return null;
        var days = System.Numerics.BitOperations.PopCount((uint)a.Days);
        if (days == 0) return null;
        return Math.Round((decimal)(to - from).TotalHours * days, 2);
    }
}
