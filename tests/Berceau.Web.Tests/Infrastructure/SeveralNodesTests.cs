using System.Net;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// Two web nodes over one database behave as one site (docs/deployment.md): a session opened on one is accepted by the
/// other, and a form served by one is accepted when posted to the other, because the data-protection keys that sign the
/// cookies and antiforgery tokens live in the database, not on a node's disk.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class SeveralNodesTests(BerceauApp app)
{
    [Fact]
    public async Task SessionAndFormOfOneNode_AreAcceptedByAnother()
    {
        var (email, password) = await Accounts.CreateFamilyAsync(app);
        var cookies = new CookieContainer();
        var onFirst = app.Client(cookies: cookies);
        var signIn = await Forms.PostFormAsync(onFirst, "/compte/connexion", ("Input.Email", email), ("Input.Password", password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(await app.WithDbAsync(db => Task.FromResult(db.DataProtectionKeys.Any())), "Les clés de protection des données doivent être en base.");

        await using var second = new BerceauApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Berceau"] = app.ConnectionString,
            ["Seed:OnStartup"] = "false",
        }, null);
        // The same browser: the cookies set by the first node, sent to the second.
        foreach (Cookie cookie in cookies.GetCookies(app.BaseAddress))
            cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        var onSecond = second.Client(cookies: cookies);

        var page = await onSecond.GetAsync("/famille/demandes");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A form read on the first node, posted to the second: signing out works (no antiforgery refusal).
        var token = await Forms.AntiforgeryTokenAsync(onFirst, "/famille/demandes");
        var signOut = await onSecond.PostAsync("/compte/deconnexion", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.GetAsync("/famille/demandes")).StatusCode);
    }
}
