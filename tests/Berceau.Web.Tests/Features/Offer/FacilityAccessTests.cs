using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;

namespace Berceau.Web.Tests.Features.Offer;

/// <summary>Who sees and changes which facility: checked on every page, GET and POST, whatever the URL says.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class FacilityAccessTests(BerceauApp app)
{
    [Fact]
    public async Task List_WhenAnonymous_RedirectsToSignIn()
    {
        using var client = Forms.Client(app);

        using var response = await client.GetAsync("/pro/structures");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Edit_WhenDirectorOfAnotherFacility_Returns403OnGetAndPost()
    {
        var mine = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche A"), ("Bébés", 0, 18, 10)));
        var other = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche B"), ("Bébés", 0, 18, 10)));
        using var director = await app.SignedInAsync(Roles.Director, facility: mine.Id.Value);

        using var get = await director.GetAsync($"/pro/structures/{other.Id}/modifier");
        // The token is the director's own, read from a page they may open: only the target differs.
        using var post = await Forms.PostFormToAsync(director, $"/pro/structures/{mine.Id}/modifier", $"/pro/structures/{other.Id}/modifier",
            CrecheForm("Pris par la direction d’une autre crèche", Montreuil, MontreuilPostalCode, 0, (null, "Bébés", "0", "18", "10")));
        using var details = await director.GetAsync($"/pro/structures/{other.Id}");
        using var vacancies = await director.GetAsync($"/pro/structures/{other.Id}/places-disponibles");

        AssertForbidden(get);
        AssertForbidden(post);
        AssertForbidden(details);
        AssertForbidden(vacancies);
        Assert.Equal(other.Name, (await app.StoredAsync(other.Id))!.Name);
        Assert.Empty(await app.AuditOfAsync(other.Id));
    }

    [Fact]
    public async Task Edit_WhenDirectorOfFacility_SavesTheChangeWithAnAuditDiff()
    {
        var mine = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche A"), ("Bébés", 0, 18, 10)));
        using var director = await app.SignedInAsync(Roles.Director, facility: mine.Id.Value);
        var sectionId = mine.Sections[0].Id;
        var newName = UniqueName("Crèche renommée");

        using var page = await director.GetAsync($"/pro/structures/{mine.Id}/modifier");
        using var response = await Forms.PostFormAsync(director, $"/pro/structures/{mine.Id}/modifier",
            CrecheForm(newName, Montreuil, MontreuilPostalCode, mine.Version, (sectionId, "Bébés", "0", "18", "12")));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertRedirectTo(response, $"/pro/structures/{mine.Id}");
        var stored = (await app.StoredAsync(mine.Id))!;
        Assert.Equal(newName, stored.Name);
        Assert.Equal(mine.Version + 1, stored.Version);
        var section = Assert.Single(stored.Sections);
        Assert.Equal((sectionId, 12), (section.Id, section.Places));
        var line = Assert.Single(await app.AuditOfAsync(mine.Id));
        Assert.Equal("modification", line.Action);
        Assert.Contains(newName, line.Details);
        Assert.Contains("\"Sections\"", line.Details);
        Assert.DoesNotContain("\"Mode\"", line.Details);
    }

    [Fact]
    public async Task Details_WhenAgentOfAnotherCommune_Returns403AndListLeavesItOut()
    {
        var prefix = UniqueName("Portée");
        var montreuil = await app.SaveAsync(Creche(Montreuil, prefix + " Montreuil", ("Bébés", 0, 18, 10)));
        var saintDenis = await app.SaveAsync(Creche(SaintDenis, prefix + " Saint-Denis", ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var details = await agent.GetAsync($"/pro/structures/{saintDenis.Id}");
        using var edit = await agent.GetAsync($"/pro/structures/{saintDenis.Id}/modifier");
        using var close = await agent.GetAsync($"/pro/structures/{saintDenis.Id}/fermer");
        using var own = await agent.GetAsync($"/pro/structures/{montreuil.Id}");
        using var list = await agent.GetAsync("/pro/structures?q=" + Uri.EscapeDataString(prefix));

        AssertForbidden(details);
        AssertForbidden(edit);
        AssertForbidden(close);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await Forms.TextAsync(list);
        Assert.Contains(montreuil.Name, html);
        Assert.DoesNotContain(saintDenis.Name, html);
    }

    [Fact]
    public async Task List_WhenAgentOfDepartement_ShowsEveryCommuneAndFilters()
    {
        var prefix = UniqueName("Département");
        var montreuil = await app.SaveAsync(Creche(Montreuil, prefix + " Montreuil", ("Bébés", 0, 18, 10)));
        var saintDenis = await app.SaveAsync(Creche(SaintDenis, prefix + " Saint-Denis", ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");

        var all = await Forms.TextAsync(await agent.GetAsync("/pro/structures?q=" + Uri.EscapeDataString(prefix)));
        var filtered = await Forms.TextAsync(await agent.GetAsync($"/pro/structures?commune={SaintDenis}&q=" + Uri.EscapeDataString(prefix.ToUpperInvariant())));

        Assert.Contains(montreuil.Name, all);
        Assert.Contains(saintDenis.Name, all);
        Assert.Contains("2 structures", all);
        Assert.DoesNotContain(montreuil.Name, filtered);
        Assert.Contains(saintDenis.Name, filtered);
    }

    [Fact]
    public async Task List_WhenDirector_ShowsOnlyTheirFacilities()
    {
        var prefix = UniqueName("Direction");
        var mine = await app.SaveAsync(Creche(Montreuil, prefix + " à moi", ("Bébés", 0, 18, 10)));
        var other = await app.SaveAsync(Creche(Montreuil, prefix + " à une autre", ("Bébés", 0, 18, 10)));
        using var director = await app.SignedInAsync(Roles.Director, facility: mine.Id.Value);

        var html = await Forms.TextAsync(await director.GetAsync("/pro/structures"));

        Assert.Contains(mine.Name, html);
        Assert.DoesNotContain(other.Name, html);
        Assert.Contains("1 structure", html);
        Assert.DoesNotContain("Ajouter une structure", html);
    }

    [Fact]
    public async Task Create_WhenDirector_Returns403()
    {
        var mine = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche A"), ("Bébés", 0, 18, 10)));
        using var director = await app.SignedInAsync(Roles.Director, facility: mine.Id.Value);
        var name = UniqueName("Créée par la direction");

        using var get = await director.GetAsync("/pro/structures/nouvelle");
        using var post = await Forms.PostFormToAsync(director, $"/pro/structures/{mine.Id}/modifier", "/pro/structures/nouvelle",
            CrecheForm(name, Montreuil, MontreuilPostalCode, 0, (null, "Bébés", "0", "18", "10")));

        AssertForbidden(get);
        AssertForbidden(post);
        Assert.Empty(await app.StoredByNameAsync(name));
    }

    [Fact]
    public async Task Close_WhenDirector_Returns403AndLeavesTheFacilityOpen()
    {
        var mine = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche A"), ("Bébés", 0, 18, 10)));
        using var director = await app.SignedInAsync(Roles.Director, facility: mine.Id.Value);

        using var get = await director.GetAsync($"/pro/structures/{mine.Id}/fermer");
        using var post = await Forms.PostFormToAsync(director, $"/pro/structures/{mine.Id}/modifier", $"/pro/structures/{mine.Id}/fermer",
            [new("Input.Version", "0"), new("Input.ClosedOn", "2026-12-01"), new("Input.Reason", "Travaux")]);
        var details = await Forms.TextAsync(await director.GetAsync($"/pro/structures/{mine.Id}"));

        AssertForbidden(get);
        AssertForbidden(post);
        Assert.Null((await app.StoredAsync(mine.Id))!.ClosedOn);
        Assert.Contains("Modifier la structure", details);
        Assert.DoesNotContain("Fermer la structure", details);
    }

    [Fact]
    public async Task Edit_WhenCommissionMember_CanReadButNotEdit()
    {
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche lue"), ("Bébés", 0, 18, 10)));
        using var member = await app.SignedInAsync(Roles.Committee, commune: Montreuil);

        using var details = await member.GetAsync($"/pro/structures/{facility.Id}");
        using var edit = await member.GetAsync($"/pro/structures/{facility.Id}/modifier");
        using var vacancies = await member.GetAsync($"/pro/structures/{facility.Id}/places-disponibles");
        using var create = await member.GetAsync("/pro/structures/nouvelle");

        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.DoesNotContain("Modifier la structure", await Forms.TextAsync(details));
        AssertForbidden(edit);
        AssertForbidden(vacancies);
        AssertForbidden(create);
    }

    [Fact]
    public async Task Details_WhenFacilityDoesNotExist_Returns404()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var response = await agent.GetAsync($"/pro/structures/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
