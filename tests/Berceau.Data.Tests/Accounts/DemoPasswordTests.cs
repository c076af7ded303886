using Berceau.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Berceau.Data.Tests.Accounts;

/// <summary>
/// The demo accounts' passwords are drawn at each first start and printed once: a draw the account rules refuse stops the
/// product from starting (it happened about once in 5,800 starts, a draw without a lower-case letter).
/// </summary>
public class DemoPasswordTests
{
    [Fact]
    public void EveryDraw_MeetsTheAccountRules_AndNoTwoAreAlike()
    {
        var options = new IdentityOptions();
        AccountRules.Apply(options);
        var rules = options.Password;

        // 100,000 draws: a rule missed once in 5,800 draws is missed here with a probability above 1 - 10^-7.
        var drawn = Enumerable.Range(0, 100_000).Select(_ => DemoSeeding.DrawPassword()).ToList();

        Assert.All(drawn, password =>
        {
            Assert.True(password.Length >= rules.RequiredLength, password);
            Assert.True(password.Distinct().Count() >= rules.RequiredUniqueChars, password);
            Assert.True(!rules.RequireLowercase || password.Any(char.IsAsciiLetterLower), password);
            Assert.True(!rules.RequireUppercase || password.Any(char.IsAsciiLetterUpper), password);
            Assert.True(!rules.RequireDigit || password.Any(char.IsAsciiDigit), password);
            Assert.True(!rules.RequireNonAlphanumeric || password.Any(c => !char.IsAsciiLetterOrDigit(c)), password);
            // No look-alikes (0/O, 1/l/I): the password is read off a console and typed.
            Assert.DoesNotContain(password, c => "0O1lI".Contains(c));
        });
        Assert.Equal(drawn.Count, drawn.Distinct().Count());
    }
}
