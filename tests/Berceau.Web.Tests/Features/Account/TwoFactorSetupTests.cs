using System.Net;
using System.Text.RegularExpressions;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Account;

[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed partial class TwoFactorSetupTests(BerceauApp app)
{
    private const string SetupUrl = "/compte/double-authentification";

    [Fact]
    public async Task Pro_WhenStaffHasNoTwoFactor_RedirectsToSetUp()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await client.GetAsync("/pro");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SetupUrl + "?returnUrl=%2Fpro", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SetUp_ShowsTheKeyInBlocksOfFourAndTheOtpauthUri()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);

        var html = await Forms.TextAsync(await client.GetAsync(SetupUrl));

        var key = await Accounts.AuthenticatorKeyOfAsync(app, email);
        Assert.NotNull(key);
        var blocks = string.Join(" ", key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        Assert.Contains(blocks, html);
        Assert.Contains($"otpauth://totp/", html);
        Assert.Contains($"secret={key}", html);
        Assert.DoesNotContain("<img", html[html.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task SetUp_WithWrongCode_ShowsFrenchErrorAndLeavesTwoFactorOff()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);
        await client.GetAsync(SetupUrl);
        var key = (await Accounts.AuthenticatorKeyOfAsync(app, email))!;
        var wrong = Accounts.TotpCode(key, DateTimeOffset.UtcNow) == "123456" ? "654321" : "123456";

        var response = await Forms.PostFormAsync(client, SetupUrl, ("Input.Code", wrong));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Ce code n’est pas valide.", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        Assert.False(await TwoFactorEnabledAsync(email));
    }

    [Fact]
    public async Task SetUp_WithRightCode_EnablesTwoFactorShowsTenRecoveryCodesAndOpensTheStaffArea()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);
        await client.GetAsync(SetupUrl + "?returnUrl=%2Fpro");
        var key = (await Accounts.AuthenticatorKeyOfAsync(app, email))!;

        var response = await Forms.PostFormAsync(client, SetupUrl + "?returnUrl=%2Fpro", ("Input.Code", Accounts.TotpCode(key, DateTimeOffset.UtcNow)));

        var html = await Forms.TextAsync(response);
        Assert.Contains("La double authentification est activée.", html);
        Assert.Equal(10, RecoveryCode().Matches(html).Count);
        Assert.Contains("href=\"/pro\"", html);
        Assert.True(await TwoFactorEnabledAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
        var userId = await Accounts.UserIdAsync(app, email);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "double-authentification-activee" && a.EntityId == userId)));
        // The recovery codes are shown once: the page no longer lists them.
        Assert.Empty(RecoveryCode().Matches(await Forms.TextAsync(await client.GetAsync(SetupUrl))));
    }

    [Fact]
    public async Task SetUp_WhenAnonymous_RedirectsToSignIn()
    {
        var response = await Forms.Client(app).GetAsync(SetupUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location?.AbsolutePath);
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        var enabled = false;
        await app.WithScopeAsync(async services =>
            enabled = (await services.GetRequiredService<UserManager<BerceauUser>>().FindByEmailAsync(email))!.TwoFactorEnabled);
        return enabled;
    }

    [GeneratedRegex(@"<li><code>[A-Za-z0-9]{5}-[A-Za-z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}
