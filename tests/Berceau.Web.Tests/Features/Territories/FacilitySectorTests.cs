using System.Net;
using System.Text.Json;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.OpenData;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;
using static Berceau.Web.Tests.Features.Territories.SectorTestData;

namespace Berceau.Web.Tests.Features.Territories;

/// <summary>A facility's sector: chosen in the staff form among its commune's sectors, shown to families and in the open data.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class FacilitySectorTests(BerceauApp app)
{
    [Fact]
    public async Task FacilityForm_ListsTheSectorsOfTheCommunesOffered_AndNoneByDefault()
    {
        var montreuil = await app.SaveSectorAsync(Montreuil, UniqueName("Liste"));
        var saintDenis = await app.SaveSectorAsync(SaintDenis, UniqueName("Liste"));
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche"), ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        var html = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{facility.Id}/modifier"));

        Assert.Contains("<label class=\"govuk-label\" for=\"Input_SectorId\">Secteur (facultatif)</label>", html);
        Assert.Contains("<option selected=\"selected\" value=\"\">Aucun secteur</option>", html);
        Assert.Contains($"<option value=\"{montreuil.Id}\">{montreuil.Name}</option>", html);
        Assert.DoesNotContain(saintDenis.Name, html);
    }

    [Fact]
    public async Task FacilityForm_ForAnAgentOfTheDepartement_GroupsTheSectorsByCommune()
    {
        var montreuil = await app.SaveSectorAsync(Montreuil, UniqueName("Groupe"));
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");

        var html = await Forms.TextAsync(await agent.GetAsync("/pro/structures/nouvelle"));

        Assert.Matches($"<optgroup label=\"Montreuil\">(?:(?!</optgroup>).)*<option value=\"{montreuil.Id}\">", html);
    }

    [Fact]
    public async Task FacilityForm_WithASectorOfTheCommune_SavesItWithAnAuditDiff()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("Choisi"));
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche"), ("Bébés", 0, 18, 10)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var url = $"/pro/structures/{facility.Id}/modifier";

        using var response = await Forms.PostFormAsync(agent, url,
            CrecheForm(facility.Name, Montreuil, MontreuilPostalCode, facility.Version, (facility.Sections[0].Id, "Bébés", "0", "18", "10"))
                .Set("Input.SectorId", sector.Id.ToString()));

        AssertRedirectTo(response, $"/pro/structures/{facility.Id}");
        Assert.Equal(sector.Id, await app.SectorOfAsync(facility));
        Assert.Contains($"\"SectorId\":[null,\"{sector.Id}\"]", Assert.Single(await app.AuditOfAsync(facility.Id)).Details);
        var details = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{facility.Id}"));
        Assert.Contains(sector.Name, details);
    }

    [Theory]
    [InlineData("other-commune")]
    [InlineData("unknown")]
    [InlineData("not-a-guid")]
    public async Task FacilityForm_WithASectorNotOfTheCommune_IsRefusedOnTheField(string kind)
    {
        var otherCommune = await app.SaveSectorAsync(SaintDenis, UniqueName("Autre commune"));
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche"), ("Bébés", 0, 18, 10)));
        // The agent covers both communes: only the sector's commune is wrong.
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");
        var value = kind switch
        {
            "other-commune" => otherCommune.Id.ToString(),
            "unknown" => Guid.NewGuid().ToString(),
            _ => "pas-un-identifiant",
        };

        using var response = await Forms.PostFormAsync(agent, $"/pro/structures/{facility.Id}/modifier",
            CrecheForm(UniqueName("Renommée"), Montreuil, MontreuilPostalCode, facility.Version, (facility.Sections[0].Id, "Bébés", "0", "18", "10"))
                .Set("Input.SectorId", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains("Choisissez un secteur de la commune de la structure, ou « Aucun secteur ».", Forms.ErrorSummary(html));
        Assert.Contains("id=\"Input_SectorId-error\"", html);
        var stored = (await app.StoredAsync(facility.Id))!;
        Assert.Equal(facility.Name, stored.Name);
        Assert.Null(stored.SectorId);
    }

    [Fact]
    public async Task FacilityForm_OfADirector_HasNoSectorAndKeepsTheFacilityInItsSector()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("De la commune"));
        var other = await app.SaveSectorAsync(Montreuil, UniqueName("Autre"));
        var facility = await app.SaveAsync(Creche(Montreuil, UniqueName("Crèche"), ("Bébés", 0, 18, 10)));
        await app.PutInSectorAsync(facility, sector);
        var version = (await app.StoredAsync(facility.Id))!.Version;
        using var director = await app.SignedInAsync(Roles.Director, facility: facility.Id.Value);
        var url = $"/pro/structures/{facility.Id}/modifier";
        var newName = UniqueName("Renommée par la direction");

        var page = await Forms.TextAsync(await director.GetAsync(url));
        using var response = await Forms.PostFormAsync(director, url,
            CrecheForm(newName, Montreuil, MontreuilPostalCode, version, (facility.Sections[0].Id, "Bébés", "0", "18", "10"))
                .Set("Input.SectorId", other.Id.ToString()));

        Assert.DoesNotContain("Input.SectorId", page);
        AssertRedirectTo(response, $"/pro/structures/{facility.Id}");
        var stored = (await app.StoredAsync(facility.Id))!;
        Assert.Equal(newName, stored.Name);
        Assert.Equal(sector.Id, stored.SectorId);
    }

    [Fact]
    public async Task NewFacility_WithASectorOfItsCommune_IsCreatedInIt()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("Nouvelle"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var name = UniqueName("Crèche neuve");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle",
            CrecheForm(name, Montreuil, MontreuilPostalCode, 0, (null, "Bébés", "0", "18", "10")).Set("Input.SectorId", sector.Id.ToString()));

        AssertRedirectTo(response, "/pro/structures/");
        Assert.Equal(sector.Id, Assert.Single(await app.StoredByNameAsync(name)).SectorId);
    }

    [Fact]
    public async Task StructurePageAndOpenData_ShowTheSector()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("Public"));
        var inSector = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Dans un secteur"), InsideLongitude, InsideLatitude));
        await app.PutInSectorAsync(inSector, sector);
        var without = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Sans secteur"), InsideLongitude, InsideLatitude));
        using var client = app.Client();

        var page = await Forms.TextAsync(await client.GetAsync($"/structures/{inSector.Id}"));
        var pageWithout = await Forms.TextAsync(await client.GetAsync($"/structures/{without.Id}"));
        var detail = await client.GetJsonAsync($"/api/v1/structures/{inSector.Id}");
        var detailWithout = await client.GetJsonAsync($"/api/v1/structures/{without.Id}");

        Assert.Matches($"Secteur\\s*</dt>\\s*<dd[^>]*>\\s*{sector.Name} \\(Montreuil\\)", page);
        Assert.DoesNotContain(">Secteur", pageWithout);
        Assert.Equal(sector.Name, detail.GetProperty("secteur").GetString());
        Assert.Equal(JsonValueKind.Null, detailWithout.GetProperty("secteur").ValueKind);
        // The existing fields are unchanged.
        Assert.Equal("Montreuil", detail.GetProperty("commune").GetProperty("nom").GetString());
    }
}
