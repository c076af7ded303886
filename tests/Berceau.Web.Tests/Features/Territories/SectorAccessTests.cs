using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;
using static Berceau.Web.Tests.Features.Territories.SectorTestData;

namespace Berceau.Web.Tests.Features.Territories;

/// <summary>Who draws which commune's sectors: admins and agents of the commune (or of its département), on GET and POST.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class SectorAccessTests(BerceauApp app)
{
    [Theory]
    [InlineData("/pro/secteurs")]
    [InlineData("/pro/secteurs/nouveau?commune=93048")]
    public async Task Pages_WhenAnonymous_RedirectToSignIn(string url)
    {
        using var client = Forms.Client(app);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_WhenSignedInWithoutTwoFactor_SendToTheSetUp()
    {
        var (email, password) = await Accounts.CreateStaffWithoutTwoFactorAsync(app, Roles.Agent, commune: Montreuil);
        using var agent = await Accounts.SignInAsync(app, email, password);

        using var response = await agent.GetAsync("/pro/secteurs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/compte/double-authentification", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_WhenDirector_Return403OnGetAndPost()
    {
        var facility = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Crèche"), InsideLongitude, InsideLatitude));
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("Direction"));
        // A director with a commune grant by mistake still may not draw sectors.
        using var director = await app.SignedInAsync(Roles.Director, commune: Montreuil, facility: facility.Id.Value);
        var name = UniqueName("Par la direction");

        using var list = await director.GetAsync("/pro/secteurs");
        using var create = await director.GetAsync("/pro/secteurs/nouveau?commune=" + Montreuil);
        using var edit = await director.GetAsync($"/pro/secteurs/{sector.Id}/modifier");
        using var delete = await director.GetAsync($"/pro/secteurs/{sector.Id}/supprimer");
        // The token comes from a page the director may open; only the target is refused.
        using var post = await Forms.PostFormToAsync(director, $"/pro/structures/{facility.Id}/modifier",
            "/pro/secteurs/nouveau?commune=" + Montreuil, SectorForm(name, null));

        AssertForbidden(list);
        AssertForbidden(create);
        AssertForbidden(edit);
        AssertForbidden(delete);
        AssertForbidden(post);
        Assert.Empty(await app.SectorsNamedAsync(name));
    }

    [Fact]
    public async Task Pages_WhenAgentOfAnotherCommune_Return403OnGetAndPostAndChangeNothing()
    {
        var theirs = await app.SaveSectorAsync(SaintDenis, UniqueName("Saint-Denis"));
        var mine = await app.SaveSectorAsync(Montreuil, UniqueName("Montreuil"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var ownForm = $"/pro/secteurs/{mine.Id}/modifier";
        var forgedName = UniqueName("Forgé");

        using var list = await agent.GetAsync("/pro/secteurs?commune=" + SaintDenis);
        using var create = await agent.GetAsync("/pro/secteurs/nouveau?commune=" + SaintDenis);
        using var edit = await agent.GetAsync($"/pro/secteurs/{theirs.Id}/modifier");
        using var delete = await agent.GetAsync($"/pro/secteurs/{theirs.Id}/supprimer");
        // Forged forms: the agent's own token, another commune's code or another commune's sector id.
        using var forgedCommune = await Forms.PostFormToAsync(agent, ownForm, "/pro/secteurs/nouveau?commune=" + SaintDenis, SectorForm(forgedName, null));
        using var forgedEdit = await Forms.PostFormToAsync(agent, ownForm, $"/pro/secteurs/{theirs.Id}/modifier",
            SectorForm(forgedName, null, version: theirs.Version));
        using var forgedDelete = await Forms.PostFormToAsync(agent, ownForm, $"/pro/secteurs/{theirs.Id}/supprimer",
            [KeyValuePair.Create("Version", theirs.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var ownList = await Forms.TextAsync(await agent.GetAsync("/pro/secteurs"));

        AssertForbidden(list);
        AssertForbidden(create);
        AssertForbidden(edit);
        AssertForbidden(delete);
        AssertForbidden(forgedCommune);
        AssertForbidden(forgedEdit);
        AssertForbidden(forgedDelete);
        Assert.Empty(await app.SectorsNamedAsync(forgedName));
        Assert.Equal(theirs.Name, (await app.StoredSectorAsync(theirs.Id))!.Name);
        Assert.Empty(await app.SectorAuditAsync(theirs.Id));
        Assert.Contains(mine.Name, ownList);
        Assert.DoesNotContain(theirs.Name, ownList);
    }

    [Fact]
    public async Task Pages_WhenAgentOfTheDepartement_CoverEveryCommune()
    {
        var saintDenis = await app.SaveSectorAsync(SaintDenis, UniqueName("Saint-Denis"));
        var montreuil = await app.SaveSectorAsync(Montreuil, UniqueName("Montreuil"));
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");

        var all = await Forms.TextAsync(await agent.GetAsync("/pro/secteurs"));
        var filtered = await Forms.TextAsync(await agent.GetAsync("/pro/secteurs?commune=" + SaintDenis));
        using var edit = await agent.GetAsync($"/pro/secteurs/{saintDenis.Id}/modifier");

        Assert.Contains(saintDenis.Name, all);
        Assert.Contains(montreuil.Name, all);
        Assert.Contains(saintDenis.Name, filtered);
        Assert.DoesNotContain(montreuil.Name, filtered);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }

    [Fact]
    public async Task Pages_WhenAdminOfTheDepartement_AreOpen()
    {
        var sector = await app.SaveSectorAsync(SaintDenis, UniqueName("Admin"));
        using var admin = await app.SignedInAsync(Roles.Admin, departement: "93");
        var name = UniqueName("Par l’administration");

        using var edit = await admin.GetAsync($"/pro/secteurs/{sector.Id}/modifier");
        using var create = await Forms.PostFormAsync(admin, "/pro/secteurs/nouveau?commune=" + SaintDenis, SectorForm(name, null));

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        AssertRedirectTo(create, "/pro/secteurs?commune=" + SaintDenis);
        Assert.Single(await app.SectorsNamedAsync(name));
    }

    [Fact]
    public async Task Pages_OfAnUnknownSector_Return404()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var response = await agent.GetAsync($"/pro/secteurs/{Guid.NewGuid()}/modifier");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
