using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>An assistant·e maternel·le declares their own free places from their account, and only their own.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class ChildminderAvailabilityTests(BerceauApp app)
{
    private async Task<HttpClient> SignedInChildminderAsync(Guid? facility)
    {
        var (email, password) = await Accounts.CreateChildminderAsync(app, facility);
        return await Accounts.SignInAsync(app, email, password);
    }

    [Fact]
    public async Task SignIn_OfAChildminder_LandsOnTheirAvailabilityPage()
    {
        var (email, password) = await Accounts.CreateChildminderAsync(app, null);
        var client = Forms.Client(app);

        using var response = await Forms.PostFormAsync(client, "/compte/connexion", ("Input.Email", email), ("Input.Password", password));

        AssertRedirectTo(response, "/am/disponibilites");
    }

    [Fact]
    public async Task Declare_ByTheChildminder_IsShownToFamiliesAtOnce_AndCanBeWithdrawn()
    {
        var childminder = await app.SaveAsync(Childminder(Montreuil, UniqueName("AM de Montreuil")));
        using var client = await SignedInChildminderAsync(childminder.Id.Value);
        var page = await Forms.TextAsync(await client.GetAsync("/am/disponibilites"));
        var apiUrl = $"/api/v1/structures?commune={Montreuil}&mode=AM&placesDisponibles=true&parPage=100";
        var before = await app.Client().GetJsonAsync(apiUrl);

        using var declared = await Forms.PostFormAsync(client, $"/am/disponibilites/{childminder.Id}",
            ("Input.Places", "2"), ("Input.MinAgeMonths", "12"), ("Input.MaxAgeMonths", "36"), ("Input.From", ""));
        var after = await app.Client().GetJsonAsync(apiUrl);
        using var withdrawn = await Forms.PostFormAsync(client, $"/am/disponibilites/{childminder.Id}?handler=Withdraw");

        Assert.Contains("Nombre de places disponibles", page);
        Assert.Contains(childminder.Name, page);
        AssertRedirectTo(declared, $"/am/disponibilites/{childminder.Id}");
        Assert.DoesNotContain(before.GetProperty("resultats").EnumerateArray(), s => s.GetProperty("nom").GetString() == childminder.Name);
        var listed = after.GetProperty("resultats").EnumerateArray().Single(s => s.GetProperty("nom").GetString() == childminder.Name);
        Assert.Equal(2, listed.GetProperty("placesDisponibles").GetInt32());
        AssertRedirectTo(withdrawn, $"/am/disponibilites/{childminder.Id}");
        Assert.Empty((await app.StoredAsync(childminder.Id))!.Vacancies);
        Assert.Equal(["déclaration de places disponibles", "retrait des places disponibles"], (await app.AuditOfAsync(childminder.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Declare_AboveTheAgrement_IsRefusedInFrench_AndNothingIsSaved()
    {
        var childminder = await app.SaveAsync(Childminder(Montreuil, UniqueName("AM prudente")));
        using var client = await SignedInChildminderAsync(childminder.Id.Value);

        using var response = await Forms.PostFormAsync(client, $"/am/disponibilites/{childminder.Id}",
            ("Input.Places", "4"), ("Input.MinAgeMonths", "0"), ("Input.MaxAgeMonths", "36"), ("Input.From", ""));
        var html = await Forms.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Forms.ErrorSummary(html));
        Assert.Empty((await app.StoredAsync(childminder.Id))!.Vacancies);
        Assert.Empty(await app.AuditOfAsync(childminder.Id));
    }

    [Fact]
    public async Task Declare_ForAnotherChildminder_IsForbidden_AndChangesNothing()
    {
        var mine = await app.SaveAsync(Childminder(Montreuil, UniqueName("AM A")));
        var theirs = await app.SaveAsync(Childminder(Montreuil, UniqueName("AM B")));
        using var client = await SignedInChildminderAsync(mine.Id.Value);

        using var read = await client.GetAsync($"/am/disponibilites/{theirs.Id}");
        using var write = await Forms.PostFormToAsync(client, "/am/disponibilites", $"/am/disponibilites/{theirs.Id}",
            [new("Input.Places", "1"), new("Input.MinAgeMonths", "0"), new("Input.MaxAgeMonths", "36"), new("Input.From", "")]);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Empty((await app.StoredAsync(theirs.Id))!.Vacancies);
    }

    [Fact]
    public async Task Page_WithoutAnAgrement_SaysToAskTheRelais()
    {
        using var client = await SignedInChildminderAsync(null);

        var html = await Forms.TextAsync(await client.GetAsync("/am/disponibilites"));

        Assert.Contains("n’est rattaché à aucun agrément", html);
        Assert.DoesNotContain("Enregistrer mes places disponibles", html);
    }

    [Fact]
    public async Task Page_ForAnonymousOrOtherRoles_IsClosed()
    {
        using var anonymous = await app.Client().GetAsync("/am/disponibilites");
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        using var asAgent = await agent.GetAsync("/am/disponibilites");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
    }
}
