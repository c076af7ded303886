using Berceau.Domain.Fees;

namespace Berceau.Domain.Tests.Fees;

public class MoneyTests
{
    [Theory]
    [InlineData("1.855", "1.86")]
    [InlineData("1.854", "1.85")]
    [InlineData("1.857", "1.86")]
    [InlineData("-1.855", "-1.86")]
    [InlineData("278.55", "278.55")]
    [InlineData("0.005", "0.01")]
    public void Round_ToTheCent_HalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("182.025", "182.03")]
    [InlineData("182.021", "182.03")]
    [InlineData("182.02", "182.02")]
    [InlineData("0", "0")]
    public void RoundUp_AnyFractionOfACent_GoesToTheNextCent(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Money.RoundUp(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
