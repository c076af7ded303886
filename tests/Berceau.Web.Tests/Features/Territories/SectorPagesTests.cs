using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;
using static Berceau.Web.Tests.Features.Territories.SectorTestData;

namespace Berceau.Web.Tests.Features.Territories;

/// <summary>An agent draws, redraws and deletes the sectors of their commune; facilities inside are attached when asked.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class SectorPagesTests(BerceauApp app)
{
    private const string NewUrl = "/pro/secteurs/nouveau?commune=" + Montreuil;

    [Fact]
    public async Task Create_WithBoundary_SavesItAttachesTheFacilitiesInsideAndAuditsEverything()
    {
        var inside = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Dedans"), InsideLongitude, InsideLatitude));
        var outside = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Dehors"), 2.4432, 48.8611));
        // Placed (wrongly) at the same point but registered in another commune: not Montreuil's to attach.
        var otherCommune = await app.SaveAsync(CrecheAt(SaintDenis, UniqueName("Autre commune"), InsideLongitude, InsideLatitude));
        var previous = await app.SaveSectorAsync(Montreuil, UniqueName("Ancien"));
        var moved = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Déplacée"), InsideLongitude + 0.001, InsideLatitude));
        await app.PutInSectorAsync(moved, previous);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var name = UniqueName("Centre");

        using var response = await Forms.PostFormAsync(agent, NewUrl, SectorForm("  " + name + " ", SquareInMontreuil));

        AssertRedirectTo(response, "/pro/secteurs?commune=" + Montreuil);
        var sector = Assert.Single(await app.SectorsNamedAsync(name));
        Assert.Equal(Montreuil, sector.CommuneCode);
        Assert.StartsWith("""{"type":"Polygon","coordinates":[[[2.452,48.86],""", sector.BoundaryGeoJson);
        Assert.Equal(sector.Id, await app.SectorOfAsync(inside));
        Assert.Equal(sector.Id, await app.SectorOfAsync(moved));
        Assert.Null(await app.SectorOfAsync(outside));
        Assert.Null(await app.SectorOfAsync(otherCommune));
        var line = Assert.Single(await app.SectorAuditAsync(sector.Id));
        Assert.Equal("création", line.Action);
        Assert.Contains(name, line.Details);
        var facilityLine = (await app.AuditOfAsync(moved.Id)).Last();
        Assert.Equal("modification", facilityLine.Action);
        Assert.Contains($"\"SectorId\":[\"{previous.Id}\",\"{sector.Id}\"]", facilityLine.Details);
        Assert.Empty(await app.AuditOfAsync(outside.Id));

        var list = await Forms.TextAsync(await agent.GetAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Le secteur a été créé :", list);
        Assert.Contains(name, list);
    }

    [Fact]
    public async Task Create_WithoutAutomaticAttachment_LeavesTheFacilitiesAlone()
    {
        var inside = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Dedans"), InsideLongitude, InsideLatitude));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var name = UniqueName("Sans rattachement");

        using var response = await Forms.PostFormAsync(agent, NewUrl, SectorForm(name, SquareInMontreuil, assign: false));

        AssertRedirectTo(response, "/pro/secteurs");
        Assert.Single(await app.SectorsNamedAsync(name));
        Assert.Null(await app.SectorOfAsync(inside));
    }

    [Fact]
    public async Task New_OpensWithTheMapTheGeoJsonFieldAndTheAttachmentTicked()
    {
        var neighbour = await app.SaveSectorAsync(Montreuil, UniqueName("Voisin"), SquareInMontreuil);
        var elsewhere = await app.SaveSectorAsync(SaintDenis, UniqueName("Ailleurs"), Square(2.35, 48.93, 2.36, 48.94));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var response = await agent.GetAsync("/pro/secteurs/nouveau");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains("data-communes-url=\"/carte/communes.geojson?code=93048\"", html);
        Assert.Contains("<label class=\"govuk-label\" for=\"Input_BoundaryGeoJson\">Contour au format GeoJSON</label>", html);
        Assert.Contains("Annuler le dernier point", html);
        Assert.Matches("<input [^>]*checked=\"checked\"[^>]*name=\"Input.AssignFacilities\" type=\"checkbox\"", html);
        Assert.Contains("/js/sector-map.mjs", html);
        // The other sectors of the commune are drawn too, not those of another commune.
        Assert.Contains($"\"nom\":\"{neighbour.Name}\"", html);
        Assert.DoesNotContain(elsewhere.Name, html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task New_ForAnAgentOfTheDepartement_AsksForTheCommuneFirst()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, departement: "93");

        var html = await Forms.TextAsync(await agent.GetAsync("/pro/secteurs/nouveau"));

        Assert.Contains("Dans quelle commune ajouter un secteur ?", html);
        Assert.Contains("<option value=\"93066\">Saint-Denis (93066)</option>", html);
        Assert.DoesNotContain("Input.BoundaryGeoJson", html);
    }

    [Theory]
    [InlineData("", "ok", "Input_Name", "Saisissez le nom du secteur.")]
    [InlineData("Nom", """{"type":"Polygon","coordinates":[[[2.45,48.86],[2.46,48.86],[2.46,48.87]]]}""", "Input_BoundaryGeoJson",
        "Le contour n’est pas un polygone GeoJSON valide : un anneau de polygone doit avoir au moins 4 positions")]
    [InlineData("Nom", """{"type":"Polygon","coordinates":[[[2.45,48.86],[2.46,48.86],[2.46,48.87],[2.45,48.87]]]}""", "Input_BoundaryGeoJson",
        "Le contour n’est pas un polygone GeoJSON valide : un anneau de polygone doit être fermé")]
    [InlineData("Nom", "{\"type\":\"Polygon\"", "Input_BoundaryGeoJson", "Le contour n’est pas un polygone GeoJSON valide : le texte n’est pas du JSON valide")]
    [InlineData("Nom", """{"type":"Point","coordinates":[2.45,48.86]}""", "Input_BoundaryGeoJson", "Polygon ou MultiPolygon attendu")]
    [InlineData("Nom", "outside", "Input_BoundaryGeoJson", "Le contour est entièrement en dehors de Montreuil : dessinez le secteur sur la commune.")]
    public async Task Create_WithBadInput_ShowsTheFrenchErrorOnTheFieldAndSavesNothing(string name, string boundary, string fieldId, string message)
    {
        var inside = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Dedans"), InsideLongitude, InsideLatitude));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var uniqueName = name.Length == 0 ? "" : UniqueName(name);
        var geoJson = boundary switch
        {
            "ok" => SquareInMontreuil,
            // In Saint-Denis, north of Montreuil.
            "outside" => Square(2.35, 48.93, 2.36, 48.94),
            _ => boundary,
        };

        using var response = await Forms.PostFormAsync(agent, NewUrl, SectorForm(uniqueName, geoJson));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains(Forms.ErrorSummary(html), e => e.StartsWith(message, StringComparison.Ordinal) || e.Contains(message, StringComparison.Ordinal));
        Assert.Contains($"id=\"{fieldId}-error\"", html);
        // What was typed is shown back.
        Assert.Contains(geoJson, html);
        if (uniqueName.Length > 0) Assert.Empty(await app.SectorsNamedAsync(uniqueName));
        Assert.Null(await app.SectorOfAsync(inside));
    }

    [Fact]
    public async Task Create_WithTheNameOfAnExistingSectorOfTheCommune_IsRefusedWhateverTheCase()
    {
        var existing = await app.SaveSectorAsync(Montreuil, UniqueName("Doublon"));
        await app.SaveSectorAsync(SaintDenis, UniqueName("Ailleurs"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var response = await Forms.PostFormAsync(agent, NewUrl, SectorForm(existing.Name.ToUpperInvariant(), null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        Assert.Contains($"Montreuil a déjà un secteur nommé « {existing.Name.ToUpperInvariant()} » : choisissez un autre nom.", Forms.ErrorSummary(html));
        Assert.Contains("id=\"Input_Name-error\"", html);
        Assert.Empty(await app.SectorsNamedAsync(existing.Name.ToUpperInvariant()));
    }

    [Fact]
    public async Task Create_WithTheNameOfASectorOfAnotherCommune_IsAccepted()
    {
        var elsewhere = await app.SaveSectorAsync(SaintDenis, UniqueName("Même nom"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        using var response = await Forms.PostFormAsync(agent, NewUrl, SectorForm(elsewhere.Name, null));

        AssertRedirectTo(response, "/pro/secteurs");
        Assert.Equal(2, (await app.SectorsNamedAsync(elsewhere.Name)).Count);
    }

    [Fact]
    public async Task Edit_RenamesRedrawsAndAttaches_WithAnAuditDiff()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("Avant"), Square(2.44, 48.85, 2.445, 48.855));
        var inside = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Dedans"), InsideLongitude, InsideLatitude));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var url = $"/pro/secteurs/{sector.Id}/modifier";
        var newName = UniqueName("Après");

        var page = await Forms.TextAsync(await agent.GetAsync(url));
        using var response = await Forms.PostFormAsync(agent, url, SectorForm(newName, SquareInMontreuil, version: sector.Version));

        Assert.Contains(sector.Name, page);
        Assert.Contains("2.445,48.855", page);
        AssertRedirectTo(response, "/pro/secteurs?commune=" + Montreuil);
        var stored = (await app.StoredSectorAsync(sector.Id))!;
        Assert.Equal(newName, stored.Name);
        Assert.Contains("2.458,48.866", stored.BoundaryGeoJson);
        Assert.Equal(sector.Version + 1, stored.Version);
        Assert.Equal(sector.Id, await app.SectorOfAsync(inside));
        var line = Assert.Single(await app.SectorAuditAsync(sector.Id));
        Assert.Equal("modification", line.Action);
        Assert.Contains($"\"Name\":[\"{sector.Name}\",\"{newName}\"]", line.Details);
        Assert.Contains("\"BoundaryGeoJson\"", line.Details);
        Assert.DoesNotContain("\"CommuneCode\"", line.Details);
    }

    [Fact]
    public async Task Edit_FromAStaleForm_IsRefusedAndChangesNothing()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("Concurrence"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var url = $"/pro/secteurs/{sector.Id}/modifier";

        using var response = await Forms.PostFormAsync(agent, url, SectorForm(UniqueName("Écrasé"), null, version: sector.Version - 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce secteur a été modifié ou supprimé par quelqu’un d’autre pendant votre saisie : rechargez la page.",
            await Forms.ErrorSummaryAsync(response));
        Assert.Equal(sector.Name, (await app.StoredSectorAsync(sector.Id))!.Name);
    }

    [Fact]
    public async Task Delete_AfterConfirmation_RemovesTheSectorAndLeavesItsFacilitiesWithoutSector()
    {
        var sector = await app.SaveSectorAsync(Montreuil, UniqueName("À supprimer"), SquareInMontreuil);
        var facility = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Rattachée"), InsideLongitude, InsideLatitude));
        await app.PutInSectorAsync(facility, sector);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var url = $"/pro/secteurs/{sector.Id}/supprimer";

        var confirmation = await Forms.TextAsync(await agent.GetAsync(url));
        using var response = await Forms.PostFormAsync(agent, url, ("Version", sector.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains($"Supprimer le secteur {sector.Name}\u00a0?", confirmation);
        Assert.Contains("1 structure est rattachée à ce secteur.", confirmation);
        AssertRedirectTo(response, "/pro/secteurs?commune=" + Montreuil);
        Assert.Null(await app.StoredSectorAsync(sector.Id));
        Assert.NotNull(await app.StoredAsync(facility.Id));
        Assert.Null(await app.SectorOfAsync(facility));
        var line = Assert.Single(await app.SectorAuditAsync(sector.Id));
        Assert.Equal("suppression", line.Action);
        Assert.Contains(sector.Name, line.Details);
        Assert.Contains($"\"SectorId\":[\"{sector.Id}\",null]", (await app.AuditOfAsync(facility.Id)).Last().Details);
        var list = await Forms.TextAsync(await agent.GetAsync("/pro/secteurs?commune=" + Montreuil));
        Assert.Contains($"Le secteur {sector.Name} a été supprimé : 1 structure n’a plus de secteur.", list);
    }

    [Fact]
    public async Task List_ShowsEachSectorWithItsFacilityCount()
    {
        var drawn = await app.SaveSectorAsync(Montreuil, UniqueName("Compté"), SquareInMontreuil);
        var plain = await app.SaveSectorAsync(Montreuil, UniqueName("Sans contour"));
        await app.PutInSectorAsync(await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Une"), InsideLongitude, InsideLatitude)), drawn);
        await app.PutInSectorAsync(await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Deux"), InsideLongitude, InsideLatitude)), drawn);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);

        var html = await Forms.TextAsync(await agent.GetAsync("/pro/secteurs"));

        Assert.Matches($"<th scope=\"row\" class=\"govuk-table__header\">{drawn.Name}</th>\\s*<td class=\"govuk-table__cell\">Dessiné</td>\\s*<td[^>]*>2</td>", html);
        Assert.Matches($"<th scope=\"row\" class=\"govuk-table__header\">{plain.Name}</th>\\s*<td class=\"govuk-table__cell\">Non dessiné</td>\\s*<td[^>]*>0</td>", html);
        Assert.Contains($"href=\"/pro/secteurs/{drawn.Id}/supprimer\"", html);
    }
}
