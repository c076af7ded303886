using System.Net;
using Berceau.Data.Identity;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Account;

[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class SignInTests(BerceauApp app)
{
    private const string SignInUrl = "/compte/connexion";

    private Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password, string url = SignInUrl) =>
        Forms.PostFormAsync(client, url, ("Input.Email", email), ("Input.Password", password));

    [Fact]
    public async Task SignIn_AsFamilyWithRightPassword_LandsOnTheirApplicationsAndSignsIn()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = Forms.Client(app);

        var response = await PostSignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/famille/demandes", response.Headers.Location?.OriginalString);
        var setup = await client.GetAsync("/compte/double-authentification");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var userId = await Accounts.UserIdAsync(app, email);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion" && a.EntityId == userId));
        Assert.True(audited);
    }

    [Fact]
    public async Task SignIn_WithLocalReturnUrl_GoesBackThere()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);

        var response = await PostSignInAsync(Forms.Client(app), email, password, SignInUrl + "?returnUrl=%2Fsimulateur");

        Assert.Equal("/simulateur", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithReturnUrlToAnotherSite_IgnoresIt()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);

        var response = await PostSignInAsync(Forms.Client(app), email, password, SignInUrl + "?returnUrl=https%3A%2F%2Fexemple.org%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/famille/demandes", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsFrenchErrorAndStaysSignedOut()
    {
        var (email, _) = await Accounts.CreateFamilyAsync(app);
        var client = Forms.Client(app);

        var response = await PostSignInAsync(client, email, "pas le bon mot de passe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "Adresse e-mail ou mot de passe incorrect." }, await Forms.ErrorSummaryAsync(response));
        var setup = await client.GetAsync("/compte/double-authentification");
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.StartsWith("/compte/connexion", setup.Headers.Location?.AbsolutePath);
        var userId = await Accounts.UserIdAsync(app, email);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion-refusee" && a.EntityId == userId));
        Assert.True(audited);
    }

    [Fact]
    public async Task SignIn_WithUnknownEmail_ShowsTheSameErrorAsAWrongPassword()
    {
        var response = await PostSignInAsync(Forms.Client(app), $"inconnu.{Guid.NewGuid():N}@test.berceau.fr", Accounts.Password);

        Assert.Equal(new[] { "Adresse e-mail ou mot de passe incorrect." }, await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_AsksForEachField()
    {
        var response = await PostSignInAsync(Forms.Client(app), "", "");

        Assert.Equal(new[] { "Saisissez une adresse e-mail.", "Saisissez votre mot de passe." }, await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = Forms.Client(app);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await PostSignInAsync(client, email, "mauvais mot de passe " + attempt);
            Assert.Equal(new[] { "Adresse e-mail ou mot de passe incorrect." }, await Forms.ErrorSummaryAsync(wrong));
        }
        var fifth = await PostSignInAsync(client, email, "mauvais mot de passe 5");
        var right = await PostSignInAsync(client, email, password);

        Assert.StartsWith("Compte verrouillé pendant 15 minutes", Assert.Single(await Forms.ErrorSummaryAsync(fifth)));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Compte verrouillé pendant 15 minutes", Assert.Single(await Forms.ErrorSummaryAsync(right)));
    }

    [Fact]
    public async Task SignIn_WhenAccountDisabled_IsRefused()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var user = await users.FindByEmailAsync(email);
            user!.IsDisabled = true;
            await users.UpdateAsync(user);
        });

        var response = await PostSignInAsync(Forms.Client(app), email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "Ce compte est désactivé. Adressez-vous à l’administration de votre territoire." }, await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task SignIn_WhenDisabledAndWrongPassword_DoesNotRevealTheAccountState()
    {
        var (email, _) = await Accounts.CreateFamilyAsync(app);
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            var user = await users.FindByEmailAsync(email);
            user!.IsDisabled = true;
            await users.UpdateAsync(user);
        });

        var response = await PostSignInAsync(Forms.Client(app), email, "pas le bon mot de passe");

        Assert.Equal(new[] { "Adresse e-mail ou mot de passe incorrect." }, await Forms.ErrorSummaryAsync(response));
    }

    [Fact]
    public async Task SignIn_WhenStaffHasTwoFactor_AsksTheCodeBeforeSigningIn()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93");
        var client = Forms.Client(app);

        var response = await PostSignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion/code", response.Headers.Location?.OriginalString);
        var pro = await client.GetAsync("/pro");
        Assert.Equal(HttpStatusCode.Redirect, pro.StatusCode);
        Assert.Equal("/compte/connexion", pro.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignInCode_WithWrongCode_IsRejectedInFrench()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93");
        var client = Forms.Client(app);
        await PostSignInAsync(client, email, password);
        var wrong = Accounts.CurrentCode() == "000000" ? "111111" : "000000";

        var response = await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", wrong));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Ce code n’est pas valide.", Assert.Single(await Forms.ErrorSummaryAsync(response)));
        var pro = await client.GetAsync("/pro");
        Assert.Equal("/compte/connexion", pro.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignInCode_WithRightCode_OpensTheStaffArea()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93");
        var client = Forms.Client(app);
        await PostSignInAsync(client, email, password);

        var response = await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", Accounts.CurrentCode()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/pro", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
    }

    [Fact]
    public async Task SignInCode_WithoutPasswordStep_SendsBackToSignIn()
    {
        var response = await Forms.Client(app).GetAsync("/compte/connexion/code");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInRecoveryCode_WorksOnceOnly()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93");
        var codes = new List<string>();
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            codes.AddRange(await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10) ?? []);
        });
        var first = Forms.Client(app);
        await PostSignInAsync(first, email, password);
        var used = await Forms.PostFormAsync(first, "/compte/connexion/code-de-secours", ("Input.Code", codes[0]));
        var second = Forms.Client(app);
        await PostSignInAsync(second, email, password);

        var reused = await Forms.PostFormAsync(second, "/compte/connexion/code-de-secours", ("Input.Code", codes[0]));

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(new[] { "Ce code de secours n’est pas valide ou a déjà été utilisé." }, await Forms.ErrorSummaryAsync(reused));
    }

    [Fact]
    public async Task SignInHelper_GivesAClientThatOpensTheStaffArea()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Director, departement: "93");

        var client = await Accounts.SignInAsync(app, email, password);

        var pro = await client.GetAsync("/pro");
        Assert.Equal(HttpStatusCode.OK, pro.StatusCode);
    }

    [Fact]
    public async Task SignOut_ByPost_EndsTheSession()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await Forms.PostFormAsync(client, "/compte/deconnexion");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pro = await client.GetAsync("/pro");
        Assert.Equal("/compte/connexion", pro.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_Returns400AndKeepsTheSession()
    {
        var (email, password) = await Accounts.CreateStaffAsync(app, Roles.Agent, departement: "93");
        var client = await Accounts.SignInAsync(app, email, password);

        var response = await client.PostAsync("/compte/deconnexion", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Returns400()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);

        var response = await Forms.Client(app).PostAsync(SignInUrl, new FormUrlEncodedContent(
            [KeyValuePair.Create("Input.Email", email), KeyValuePair.Create("Input.Password", password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/pro")]
    [InlineData("/admin/utilisateurs")]
    [InlineData("/admin/parametres")]
    public async Task StaffPage_WhenAnonymous_RedirectsToSignIn(string url)
    {
        var response = await Forms.Client(app).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_WithRightCurrentPassword_ChangesIt()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = await Accounts.SignInAsync(app, email, password);
        const string newPassword = "un tout nouveau mot de passe";

        var response = await Forms.PostFormAsync(client, "/compte/mot-de-passe",
            ("Input.CurrentPassword", password), ("Input.NewPassword", newPassword), ("Input.ConfirmPassword", newPassword));

        Assert.Contains("Votre mot de passe a été changé.", await Forms.TextAsync(response));
        await Accounts.SignInAsync(app, email, newPassword);
    }

    [Fact]
    public async Task ChangePassword_WithShortOrMismatchedPassword_ShowsFrenchErrors()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var client = await Accounts.SignInAsync(app, email, password);

        var mismatch = await Forms.PostFormAsync(client, "/compte/mot-de-passe",
            ("Input.CurrentPassword", password), ("Input.NewPassword", "un nouveau mot de passe"), ("Input.ConfirmPassword", "un autre"));
        var tooShort = await Forms.PostFormAsync(client, "/compte/mot-de-passe",
            ("Input.CurrentPassword", password), ("Input.NewPassword", "court"), ("Input.ConfirmPassword", "court"));

        Assert.Equal(new[] { "Les deux mots de passe saisis ne sont pas identiques." }, await Forms.ErrorSummaryAsync(mismatch));
        Assert.Equal(new[] { "Le mot de passe doit contenir au moins 12 caractères." }, await Forms.ErrorSummaryAsync(tooShort));
    }
}
