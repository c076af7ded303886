using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Account.External;

/// <summary>
/// Signing out of a session opened through FranceConnect or ProConnect ends the provider's session too (RP-initiated
/// logout), end to end against the test provider: the next sign-in there asks for the login again.
/// </summary>
[Collection(ExternalLoginCollection.Name)]
[Trait("Category", "Database")]
public sealed class SignOutTests(ExternalLoginApp external)
{
    private BerceauApp App => external.App;

    [Fact]
    public async Task SignOut_OfAFranceConnectSession_EndsTheProvidersSession_AndComesBackHome()
    {
        var person = external.NewPerson();
        var client = App.Client();
        await external.SignInWithAsync(client, "franceconnect", person);
        await Forms.PostFormAsync(client, "/compte/externe/creer", ("Input.AcceptsNotice", "true"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/famille/demandes")).StatusCode);

        using var signOut = await Forms.PostFormAsync(client, "/compte/deconnexion");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.Equal(new Uri(external.Provider.Authority, "connect/endsession").GetLeftPart(UriPartial.Path), endSession.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(endSession.Query);
        Assert.Equal(new Uri(App.BaseAddress, "/signout-callback-franceconnect").ToString(), query["post_logout_redirect_uri"].ToString());
        Assert.False(string.IsNullOrEmpty(query["id_token_hint"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        // Berceau's session is already over, whatever the provider does.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/famille/demandes")).StatusCode);

        var home = await ExternalLoginApp.FollowAsync(client, signOut);

        Assert.Equal((HttpStatusCode.OK, "/"), (home.StatusCode, home.RequestMessage!.RequestUri!.AbsolutePath));
        Assert.Equal(App.BaseAddress.Authority, home.RequestMessage.RequestUri.Authority);
        var ended = Assert.Single(external.Provider.EndedSessions, e => e.Subject == person.Subject);
        Assert.True(ended.HadIdTokenHint);
        var userId = await Accounts.UserIdAsync(App, person.Email);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "deconnexion" && a.EntityId == userId && a.Details == "et fin de session FranceConnect")));
        // The provider asks for the login again: nobody at this computer is signed in there any more.
        var again = await external.SignInWithAsync(client, "franceconnect", person);
        Assert.Equal("/famille/demandes", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_OfAProConnectSession_EndsTheProvidersSession()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(App, Roles.Agent, commune: "93010");
        var person = external.NewPerson(mfa: true, email: email);
        var client = App.Client();
        await external.SignInWithAsync(client, "proconnect", person);
        await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);

        using var signOut = await Forms.PostFormAsync(client, "/compte/deconnexion");
        var home = await ExternalLoginApp.FollowAsync(client, signOut);

        Assert.StartsWith(external.Provider.Authority.ToString(), signOut.Headers.Location!.ToString());
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(Assert.Single(external.Provider.EndedSessions, e => e.Subject == person.Subject).HadIdTokenHint);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/pro")).StatusCode);
    }

    [Fact]
    public async Task SignOut_AfterProConnectAndOurOwnCode_EndsTheProvidersSession()
    {
        // The session is opened by the code page, a request after the provider's return: the ID token still follows.
        var (email, password) = await Accounts.CreateStaffAsync(App, Roles.Agent, commune: "93010");
        var person = external.NewPerson(mfa: false, email: email);
        var client = App.Client();
        await external.SignInWithAsync(client, "proconnect", person);
        await Forms.PostFormAsync(client, "/compte/externe/lier", ("Input.Password", password));
        await Forms.PostFormAsync(client, "/compte/connexion/code", ("Input.Code", Accounts.CurrentCode()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pro")).StatusCode);

        using var signOut = await Forms.PostFormAsync(client, "/compte/deconnexion");
        var home = await ExternalLoginApp.FollowAsync(client, signOut);

        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(Assert.Single(external.Provider.EndedSessions, e => e.Subject == person.Subject).HadIdTokenHint);
    }

    [Fact]
    public async Task SignOut_OfAPasswordSession_StaysOnBerceau()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(App);
        var client = await Accounts.SignInAsync(App, email, password);
        var ended = external.Provider.EndedSessions.Count;

        using var signOut = await Forms.PostFormAsync(client, "/compte/deconnexion");

        Assert.Equal((HttpStatusCode.Redirect, "/"), (signOut.StatusCode, signOut.Headers.Location?.OriginalString));
        Assert.Equal(ended, external.Provider.EndedSessions.Count);
    }
}
