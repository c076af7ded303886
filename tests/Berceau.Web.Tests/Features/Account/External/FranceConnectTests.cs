using System.Net;
using Berceau.Data.Identity;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Account.External;

/// <summary>Families signing in through a FranceConnect-like provider, over real HTTP, the provider included.</summary>
[Collection(ExternalLoginCollection.Name)]
[Trait("Category", "Database")]
public sealed class FranceConnectTests(ExternalLoginApp external)
{
    private BerceauApp App => external.App;

    [Fact]
    public async Task SignInPage_WhenConfigured_ShowsTheFranceConnectButton()
    {
        var html = await Forms.TextAsync(await App.Client().GetAsync("/compte/connexion"));

        Assert.Contains("Se connecter avec FranceConnect", html);
        Assert.Contains("Qu’est-ce que FranceConnect", html);
        Assert.Contains("Se connecter avec ProConnect", html);
    }

    [Fact]
    public async Task FirstSignIn_OfSomeoneNew_CreatesTheirFamilyAccountOnceTheyAcceptTheNotice()
    {
        var person = external.NewPerson();
        var client = App.Client();

        var page = await external.SignInWithAsync(client, "franceconnect", person);

        Assert.Equal("/compte/externe/creer", page.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await Forms.TextAsync(page);
        Assert.Contains(person.Email, html);
        Assert.Contains("Camille " + person.FamilyName, html);
        var refused = await Forms.PostFormAsync(client, "/compte/externe/creer", ("Input.AcceptsNotice", "false"));
        Assert.Contains(Domain.Common.Messages.Get("notice-required"), await Forms.ErrorSummaryAsync(refused));
        Assert.Null(await FindAsync(person.Email));

        var created = await Forms.PostFormAsync(client, "/compte/externe/creer", ("Input.AcceptsNotice", "true"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/famille/demandes", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/famille/demandes")).StatusCode);
        var (user, logins, roles) = (await FindAsync(person.Email))!.Value;
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Camille " + person.FamilyName, user.DisplayName);
        Assert.Equal(["famille"], roles);
        Assert.Equal(("FranceConnect", person.Subject), Assert.Single(logins));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "compte-famille-cree" && a.EntityId == user.Id && a.Details!.Contains("FranceConnect"))));
    }

    [Fact]
    public async Task NextSignIn_OfALinkedIdentity_GoesStraightToTheFamilyHome()
    {
        var person = external.NewPerson();
        var first = App.Client();
        await external.SignInWithAsync(first, "franceconnect", person);
        await Forms.PostFormAsync(first, "/compte/externe/creer", ("Input.AcceptsNotice", "true"));

        var page = await external.SignInWithAsync(App.Client(), "franceconnect", person);

        Assert.Equal("/famille/demandes", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // acr_values=eidas1 was asked for, as FranceConnect requires, and the level obtained is in the audit line.
        var userId = await Accounts.UserIdAsync(App, person.Email);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion" && a.EntityId == userId && a.Details == "FranceConnect (niveau eidas1)")));
    }

    [Fact]
    public async Task ExistingAccount_WithTheSameEmail_IsLinkedOnlyAfterItsPasswordIsTyped()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        var person = external.NewPerson(email: email);
        var client = App.Client();

        var page = await external.SignInWithAsync(client, "franceconnect", person);

        // Never signed in on the strength of the e-mail alone.
        Assert.Equal("/compte/externe/lier", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(email, await Forms.TextAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/famille/demandes")).StatusCode);
        var wrong = await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", "pas le bon mot de passe"));
        Assert.Contains(Domain.Common.Messages.Get("external-link-password-wrong"), await Forms.ErrorSummaryAsync(wrong));
        Assert.Empty((await FindAsync(email))!.Value.Logins);

        var linked = await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal("/famille/demandes", linked.Headers.Location?.OriginalString);
        var (user, logins, _) = (await FindAsync(email))!.Value;
        Assert.Equal(("FranceConnect", person.Subject), Assert.Single(logins));
        Assert.Equal(0, user.AccessFailedCount);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "connexion-externe-liee" && a.EntityId == user.Id)));
        var again = await external.SignInWithAsync(App.Client(), "franceconnect", person);
        Assert.Equal("/famille/demandes", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task EmailOfAStaffAccount_IsRefusedAndNothingIsLinked()
    {
        var (email, _) = await Accounts.CreateStaffAsync(App, "agent", commune: "93048");
        var person = external.NewPerson(email: email);

        var page = await external.SignInWithAsync(App.Client(), "franceconnect", person);

        Assert.Equal("/compte/externe/retour", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("compte professionnel", await Forms.TextAsync(page));
        Assert.Empty((await FindAsync(email))!.Value.Logins);
    }

    [Fact]
    public async Task TamperedState_IsRefusedWithAFrenchPageAndNobodyIsSignedIn()
    {
        var person = external.NewPerson();
        var client = App.Client();
        var toBerceau = await external.SignInWithAsync(client, "franceconnect", person, next => next.AbsolutePath == "/signin-franceconnect");
        var callback = new Uri(toBerceau.RequestMessage!.RequestUri!, toBerceau.Headers.Location!);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        var state = query["state"].ToString();
        var tampered = $"{callback.GetLeftPart(UriPartial.Path)}?code={Uri.EscapeDataString(query["code"].ToString())}&state={Uri.EscapeDataString(state[..^4] + "AAAA")}";

        var page = await ExternalLoginApp.FollowAsync(client, await client.GetAsync(tampered));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("/compte/externe/retour", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("La connexion avec FranceConnect n’a pas abouti", await Forms.TextAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/famille/demandes")).StatusCode);
        Assert.Null(await FindAsync(person.Email));
        // The untouched answer was not consumed by the forged one: the flow itself works.
        var genuine = await ExternalLoginApp.FollowAsync(client, await client.GetAsync(callback));
        Assert.Equal("/compte/externe/creer", genuine.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private Task<(BerceauUser User, IReadOnlyList<(string Provider, string Key)> Logins, IReadOnlyList<string> Roles)?> FindAsync(string email) =>
        FindAccountAsync(App, email);

    internal static async Task<(BerceauUser User, IReadOnlyList<(string Provider, string Key)> Logins, IReadOnlyList<string> Roles)?> FindAccountAsync(BerceauApp app, string email)
    {
        (BerceauUser, IReadOnlyList<(string, string)>, IReadOnlyList<string>)? found = null;
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<BerceauUser>>();
            if (await users.FindByEmailAsync(email) is not { } user) return;
            var logins = (await users.GetLoginsAsync(user)).Select(l => (l.LoginProvider, l.ProviderKey)).ToList();
            found = (user, logins, [.. await users.GetRolesAsync(user)]);
        });
        return found;
    }
}
