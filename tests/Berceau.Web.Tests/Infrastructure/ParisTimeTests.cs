using Berceau.Web.Infrastructure;

namespace Berceau.Web.Tests.Infrastructure;

public class ParisTimeTests
{
    [Theory]
    [InlineData("2026-11-30T22:59:00Z", "2026-11-30")]  // 23:59 in Paris (winter, UTC+1)
    [InlineData("2026-11-30T23:30:00Z", "2026-12-01")]  // already the 1st in Paris: a month of seniority more
    [InlineData("2026-06-30T22:30:00Z", "2026-07-01")]  // summer time, UTC+2
    public void TheDay_IsTheOneAFamilyInParisReadsOnItsCalendar(string instant, string day)
    {
        Assert.Equal(DateOnly.Parse(day), ParisTime.DayOf(DateTimeOffset.Parse(instant)));
    }
}
