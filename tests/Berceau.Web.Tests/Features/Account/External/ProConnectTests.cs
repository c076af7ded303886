using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Account.External;

/// <summary>Agents signing in through a ProConnect-like provider: only to an account an admin created, linked once by its password.</summary>
[Collection(ExternalLoginCollection.Name)]
[Trait("Category", "Database")]
public sealed class ProConnectTests(ExternalLoginApp external)
{
    private BerceauApp App => external.App;

    [Fact]
    public async Task UnknownAgent_IsRefusedWithAClearMessageAndNoAccountIsCreated()
    {
        var person = external.NewPerson(mfa: true);
        var client = App.Client();

        var page = await external.SignInWithAsync(client, "proconnect", person);

        Assert.Equal("/compte/externe/retour", page.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await Forms.TextAsync(page);
        Assert.Contains("Aucun compte professionnel ne correspond à l’adresse e-mail transmise par ProConnect", html);
        Assert.Contains("administration de votre territoire", html);
        Assert.Null(await FranceConnectTests.FindAccountAsync(App, person.Email));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pro")).StatusCode);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion-refusee" && a.Details == "ProConnect : aucun compte professionnel pour cette adresse")));
    }

    [Fact]
    public async Task FamilyAccount_WithTheAgentsEmail_IsRefused()
    {
        var (email, _) = await Accounts.CreateFamilyAsync(App);
        var person = external.NewPerson(mfa: true, email: email);

        var page = await external.SignInWithAsync(App.Client(), "proconnect", person);

        Assert.Equal("/compte/externe/retour", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Aucun compte professionnel", await Forms.TextAsync(page));
        Assert.Empty((await FranceConnectTests.FindAccountAsync(App, email))!.Value.Logins);
    }

    [Fact]
    public async Task ExistingAgent_IsLinkedAfterTheirPassword_AndProvidersSecondFactorOpensStaffPages()
    {
        // No authenticator set up here: ProConnect's second factor (amr "mfa") stands for it.
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(App, Roles.Agent, commune: "93048");
        var person = external.NewPerson(mfa: true, email: email);
        var client = App.Client();

        var page = await external.SignInWithAsync(client, "proconnect", person);
        Assert.Equal("/compte/externe/lier", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pro")).StatusCode);
        var linked = await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("/pro", linked.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
        Assert.Equal(("ProConnect", person.Subject), Assert.Single((await FranceConnectTests.FindAccountAsync(App, email))!.Value.Logins));
        var userId = await Accounts.UserIdAsync(App, email);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion" && a.EntityId == userId && a.Details!.Contains("double authentification chez le fournisseur"))));

        var again = await external.SignInWithAsync(App.Client(), "proconnect", person);
        Assert.Equal("/pro", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task LinkedAgent_WithoutSecondFactorAtTheProvider_IsAskedTheirOwnCode()
    {
        var (email, password) = await Accounts.CreateStaffAsync(App, Roles.Agent, commune: "93048");
        var person = external.NewPerson(mfa: false, email: email);
        var client = App.Client();
        await external.SignInWithAsync(client, "proconnect", person);

        var linked = await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("/compte/connexion/code", linked.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pro")).StatusCode);
        var signedIn = await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", Accounts.CurrentCode()));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);
        var userId = await Accounts.UserIdAsync(App, email);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion" && a.EntityId == userId && a.Details == "ProConnect et code d’authentification")));
    }

    [Fact]
    public async Task LinkedAgent_WithoutAnySecondFactor_IsSentToSetOneUp()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(App, Roles.Agent, commune: "93048");
        var person = external.NewPerson(mfa: false, email: email);
        var client = App.Client();
        await external.SignInWithAsync(client, "proconnect", person);
        await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));

        var staffPage = await client.GetAsync("/pro");

        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.StartsWith("/compte/double-authentification", staffPage.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task WrongPasswords_WhileLinking_LockTheAccountLikeTheSignInPage()
    {
        var (email, password) = await Accounts.CreateStaffAsync(App, Roles.Agent, commune: "93048");
        var person = external.NewPerson(mfa: true, email: email);
        var client = App.Client();
        await external.SignInWithAsync(client, "proconnect", person);

        for (var i = 0; i < 5; i++)
            await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", "pas le bon mot de passe"));
        var locked = await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));

        Assert.Contains(await Forms.ErrorSummaryAsync(locked), m => m.StartsWith("Compte verrouillé", StringComparison.Ordinal));
        Assert.Empty((await FranceConnectTests.FindAccountAsync(App, email))!.Value.Logins);
    }
}
