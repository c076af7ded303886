using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Security;

/// <summary>
/// Password and code guessing: Identity's lockout (5 failures, 15 minutes: Berceau.Data/Accounts/AccountRules) holds for
/// staff accounts too, and wrong authenticator codes count like wrong passwords, so that the second factor cannot be
/// guessed either. (SignInTests has the family's lockout; RateLimitTests the per-address limit answering 429.)
/// </summary>
[Collection(SecurityCollection.Name)]
[Trait("Category", "Database")]
public sealed class BruteForceTests(BerceauApp app)
{
    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Forms.PostFormAsync(client, "/compte/connexion", ("Input.Email", email), ("Input.Password", password));

    [Fact]
    public async Task StaffAccount_AfterFiveWrongPasswords_IsLockedEvenForTheRightPassword()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: VictimWorld.Commune);
        var client = Forms.Client(app);

        for (var attempt = 1; attempt <= 5; attempt++)
            using (await SignInAsync(client, email, "mauvais mot de passe " + attempt)) { }
        using var right = await SignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Compte verrouillé pendant 15 minutes", Assert.Single(await Forms.ErrorSummaryAsync(right)));
    }

    [Fact]
    public async Task StaffAccount_AfterFiveWrongAuthenticatorCodes_IsLocked_AndTheRightCodeNoLongerOpens()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, commune: VictimWorld.Commune);
        var client = Forms.Client(app);
        using var first = await SignInAsync(client, email, password);
        Assert.StartsWith("/compte/connexion/code", first.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var right = Accounts.CurrentCode();
        var wrong = right == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 5; attempt++)
            using (await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", wrong))) { }
        using var afterLockout = await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", Accounts.CurrentCode()));
        using var staffArea = await client.GetAsync("/pro");

        Assert.NotEqual("/pro", afterLockout.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, staffArea.StatusCode);
        Assert.StartsWith("/compte/connexion", staffArea.Headers.Location?.AbsolutePath ?? staffArea.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(async db => (await db.Users.FindAsync(await Accounts.UserIdAsync(app, email)))!.LockoutEnd > BerceauApp.Now.AddMinutes(-1)),
            "Le compte n’est pas verrouillé après cinq codes faux.");
    }
}
