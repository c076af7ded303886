using Berceau.Web.Features.Portal;

namespace Berceau.Web.Tests.Features.Portal;

public sealed class PortalInputTests
{
    [Theory]
    [InlineData("15/03/2026")]
    [InlineData("15-03-2026")]
    [InlineData(" 15 03 2026 ")]
    [InlineData("2026-03-15")]
    [InlineData("15/3/2026")]
    public void TryDate_ReadsTheWaysPeopleWriteADate(string text)
    {
        Assert.True(PortalInput.TryDate(text, out var date));
        Assert.Equal(new DateOnly(2026, 3, 15), date);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("demain")]
    [InlineData("15/03/26")]
    [InlineData("")]
    public void TryDate_RefusesWhatIsNotARealDate(string text) => Assert.False(PortalInput.TryDate(text, out _));

    [Theory]
    [InlineData("36000", 36000)]
    [InlineData("36 000", 36000)]
    [InlineData("36\u00a0000,50 €", 36000.50)]
    [InlineData("4.5", 4.5)]
    public void TryNumber_IgnoresSpacesAndTheEuroSign(string text, double expected)
    {
        Assert.True(PortalInput.TryNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("2026-03-15", "2026-03-15", 0)]
    [InlineData("2026-03-15", "2026-04-14", 0)]
    [InlineData("2026-03-15", "2026-04-15", 1)]
    [InlineData("2024-01-01", "2027-09-01", 44)]
    [InlineData("2026-03-31", "2026-04-30", 0)]
    public void AgeInMonths_CountsWholeMonths(string birth, string on, int expected) =>
        Assert.Equal(expected, PortalInput.AgeInMonths(DateOnly.Parse(birth), DateOnly.Parse(on)));

    [Fact]
    public void AgeInMonths_IsNegativeBeforeBirth() =>
        Assert.True(PortalInput.AgeInMonths(new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 10)) < 0);

    [Theory]
    [InlineData(8, "8 mois")]
    [InlineData(23, "23 mois")]
    [InlineData(24, "2 ans")]
    [InlineData(30, "2 ans et 6 mois")]
    public void Age_IsWrittenAsParentsSayIt(int months, string expected) => Assert.Equal(expected, PortalText.Age(months));

    [Fact]
    public void SimulationFigures_RoundTripThroughTheQueryString()
    {
        var figures = new SimulationFigures("36 000", "2", "true", "40", "45", null, "12,5");

        var back = SimulationFigures.FromQueryString(figures.ToQueryString());

        Assert.Equal(figures with { AmHourlyWage = null }, back with { AmHourlyWage = null });
        var input = back.Parse();
        Assert.True(input.IsSuccess);
        Assert.Equal(36000m, input.Value.AnnualResources);
        Assert.True(input.Value.DisabledChildInHousehold);
        Assert.Equal(12.5m, input.Value.HomeCareHourlyWage);
        Assert.Null(input.Value.AmHourlyWage);
    }

    [Fact]
    public void SimulationFigures_NameEveryWrongFieldOnce()
    {
        var outcome = new SimulationFigures("", "1,5", null, "0", "53", "abc", null).Parse();

        Assert.Equal(
            ["AnnualResources", "Children", "AmHourlyWage", "HoursPerWeek", "WeeksPerYear"],
            outcome.Problems.Select(p => p.Field));
    }
}
