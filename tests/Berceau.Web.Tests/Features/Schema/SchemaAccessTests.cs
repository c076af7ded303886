using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Schema;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Schema.SchemaTestData;

namespace Berceau.Web.Tests.Features.Schema;

/// <summary>
/// Who may read and change what in the schéma: the secretariat of the département, members of the pilot (or co-pilot)
/// organisation on their own fiches only, readers of the département; another département and the public find nothing,
/// drafts never reach the public page.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class SchemaAccessTests(BerceauApp app)
{
    [Fact]
    public async Task APilot_UpdatesTheFicheItsOrganisationPilots_NotAnotherOrganisationsFiche()
    {
        var t = await app.SchemaAsync();
        using var partner = await app.MemberAsync(t.Pilot);
        var today = Today(app).ToString("yyyy-MM-dd");

        AssertRedirect(await ProgressAsync(partner, t.Piloted, today, "InProgress", "Premier comité de suivi réuni."));
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/pro/schema/fiches/{t.Piloted.Id}/modifier")).StatusCode);
        OfferTestData.AssertForbidden(await partner.GetAsync($"/pro/schema/fiches/{t.OthersSheet.Id}/modifier"));
        OfferTestData.AssertForbidden(await ProgressAsync(partner, t.OthersSheet, today, "Done", "Réalisée par quelqu’un d’autre.", tokenUrl: "/pro"));
        OfferTestData.AssertForbidden(await Forms.PostFormToAsync(partner, "/pro", $"/pro/schema/fiches/{t.OthersSheet.Id}/modifier",
            [KeyValuePair.Create("Input.Version", "0"), KeyValuePair.Create("Input.Title", "Prise par un autre pilote")]));

        var mine = await app.SheetAsync(t.Piloted.Id);
        var theirs = await app.SheetAsync(t.OthersSheet.Id);
        Assert.Equal((ProgressState.InProgress, "Premier comité de suivi réuni."), (mine.State, Assert.Single(mine.Updates).Comment));
        Assert.Equal((ProgressState.NotStarted, 0, 0, t.OthersSheet.Title), (theirs.State, theirs.Updates.Count, theirs.Version, theirs.Title));
    }

    [Fact]
    public async Task APilot_ChangesTheContentOfItsFiche_ButNeitherItsPilotsNorItsPublicationNorTheSchema()
    {
        var t = await app.SchemaAsync();
        using var partner = await app.MemberAsync(t.Pilot);
        var edit = $"/pro/schema/fiches/{t.Piloted.Id}/modifier";

        var page = await Forms.TextAsync(await partner.GetAsync(edit));
        Assert.DoesNotContain("Pilote de la fiche", page);
        AssertRedirect(await Forms.PostFormAsync(partner, edit,
            ("Input.Version", "0"), ("Input.Title", "Intitulé revu par le pilote"), ("Input.PilotId", t.Other.Id.ToString()),
            ("Input.CoPilotIds", t.Other.Id.ToString()), ("Input.Number", "9.9"), ("Input.AxisId", t.Schema.Axes[1].Id.ToString())));
        OfferTestData.AssertForbidden(await Forms.PostFormToAsync(partner, "/pro", SheetPath(t.Draft) + "?handler=Publish",
            [KeyValuePair.Create("Publication.Version", "0")]));
        OfferTestData.AssertForbidden(await partner.GetAsync($"/pro/schema/{t.Id}/modifier"));
        OfferTestData.AssertForbidden(await partner.GetAsync($"/pro/schema/{t.Id}/fiches/nouvelle"));
        OfferTestData.AssertForbidden(await partner.GetAsync($"/pro/schema/{t.Id}/axes/nouveau"));
        OfferTestData.AssertForbidden(await partner.GetAsync("/pro/schema/organisations"));

        var sheet = await app.SheetAsync(t.Piloted.Id);
        Assert.Equal(("Intitulé revu par le pilote", t.Pilot.Id, "1.1", t.Piloted.AxisId), (sheet.Title, sheet.PilotId!.Value, sheet.Number, sheet.AxisId));
        Assert.Empty(sheet.CoPilots);
        Assert.False((await app.SheetAsync(t.Draft.Id)).IsPublished);
    }

    [Fact]
    public async Task ACoPilot_UpdatesTheFicheToo()
    {
        var t = await app.SchemaAsync();
        await app.WithDbAsync(async db =>
        {
            var sheet = await db.ActionSheets.FindAsync(t.OthersSheet.Id);
            db.Entry(sheet!).Collection(s => s.CoPilots).Load();
            sheet!.AssignPilots(t.Other.Id, [t.Pilot.Id]);
            sheet.Version = 0;
            return await db.SaveChangesAsync();
        });
        using var partner = await app.MemberAsync(t.Pilot);

        AssertRedirect(await ProgressAsync(partner, t.OthersSheet, Today(app).ToString("yyyy-MM-dd"), "Done", "Co-pilotée et réalisée.", version: 0));

        Assert.Equal(ProgressState.Done, (await app.SheetAsync(t.OthersSheet.Id)).State);
    }

    [Fact]
    public async Task TheSecretariatOfAnotherDepartement_FindsNothing_AndChangesNothing()
    {
        var t = await app.SchemaAsync();
        using var other = await app.SecretariatAsync(OtherDepartement);

        var list = await Forms.TextAsync(await other.GetAsync("/pro/schema"));
        foreach (var url in new[] { $"/pro/schema/{t.Id}", $"/pro/schema/{t.Id}/modifier", $"/pro/schema/{t.Id}/avancement", $"/pro/schema/{t.Id}/avancement/pdf",
                     $"/pro/schema/{t.Id}/fiches/nouvelle", $"/pro/schema/{t.Id}/axes/nouveau", SheetPath(t.Piloted), $"{SheetPath(t.Piloted)}/modifier" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ProgressAsync(other, t.Piloted, Today(app).ToString("yyyy-MM-dd"), "Done", "Depuis un autre département.", tokenUrl: "/pro")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Forms.PostFormToAsync(other, "/pro", $"/pro/schema/{t.Id}/modifier",
            [KeyValuePair.Create("Input.Version", "0"), KeyValuePair.Create("Input.Title", "Repris par le 92"), KeyValuePair.Create("Input.StartYear", "2024"), KeyValuePair.Create("Input.EndYear", "2026")])).StatusCode);

        Assert.DoesNotContain(t.Schema.Title, list);
        Assert.Empty((await app.SheetAsync(t.Piloted.Id)).Updates);
        Assert.Equal(t.Schema.Title, (await app.ReloadAsync(t.Schema.Id)).Title);
    }

    [Fact]
    public async Task StaffOfTheDepartement_Read_ACommuneAgentWithoutOrganisationFindsNothing_FamiliesAndTheAnonymousAreRefused()
    {
        var t = await app.SchemaAsync();
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: Departement);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Sevran);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        Assert.Contains(t.Schema.Title, await Forms.TextAsync(await observatory.GetAsync("/pro/schema")));
        var sheet = await Forms.TextAsync(await observatory.GetAsync(SheetPath(t.Piloted)));
        Assert.DoesNotContain("Noter l’avancement", sheet);
        OfferTestData.AssertForbidden(await observatory.GetAsync($"{SheetPath(t.Piloted)}/modifier"));
        OfferTestData.AssertForbidden(await ProgressAsync(observatory, t.Piloted, Today(app).ToString("yyyy-MM-dd"), "Done", "Par un lecteur.", tokenUrl: "/pro"));
        OfferTestData.AssertForbidden(await observatory.GetAsync("/pro/schema/nouveau"));

        Assert.DoesNotContain(t.Schema.Title, await Forms.TextAsync(await agent.GetAsync("/pro/schema")));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/schema/{t.Id}")).StatusCode);
        OfferTestData.AssertForbidden(await family.GetAsync("/pro/schema"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync($"/pro/schema/{t.Id}")).StatusCode);
        Assert.Empty((await app.SheetAsync(t.Piloted.Id)).Updates);
    }

    [Fact]
    public async Task DraftsAreInvisibleToThePublic_PublishedFichesAreShownWithTheirState()
    {
        var t = await app.SchemaAsync();
        var publicPage = $"/schema/{Departement}/{t.Schema.Period}";

        var page = await Forms.TextAsync(await app.Client().GetAsync(publicPage));
        Assert.Contains(t.Piloted.Title, page);
        Assert.Contains(t.OthersSheet.Title, page);
        Assert.DoesNotContain(t.Draft.Title, page);
        Assert.Contains(t.Pilot.Name, page);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/schema/{Departement}/fiches/{t.Draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/schema/{OtherDepartement}/fiches/{t.Piloted.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/schema/{OtherDepartement}/{t.Schema.Period}")).StatusCode);
        var published = await Forms.TextAsync(await app.Client().GetAsync($"/schema/{Departement}/fiches/{t.Piloted.Id}"));
        Assert.Contains("500 places", published);

        // Publishing the draft (secretariat) shows it; withdrawing hides it again.
        using var secretariat = await app.SecretariatAsync();
        AssertRedirect(await Forms.PostFormToAsync(secretariat, SheetPath(t.Draft), SheetPath(t.Draft) + "?handler=Publish", [KeyValuePair.Create("Publication.Version", "0")]));
        Assert.Contains(t.Draft.Title, await Forms.TextAsync(await app.Client().GetAsync(publicPage)));
        AssertRedirect(await Forms.PostFormToAsync(secretariat, SheetPath(t.Draft), SheetPath(t.Draft) + "?handler=Unpublish", [KeyValuePair.Create("Publication.Version", "1")]));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync($"/schema/{Departement}/fiches/{t.Draft.Id}")).StatusCode);
    }

    [Fact]
    public async Task TheDemoSchemaOfThe93_IsPublic_WithItsSourceNamed_AndItsDraftsHidden()
    {
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/schema/{Departement}/2024-2026"));

        Assert.Contains("Schéma départemental des services aux familles (SDSF) 2024-2026", page);
        Assert.Contains("Poursuivre l'accompagnement à la création, au maintien, au développement des EAJE", page);
        Assert.Contains("Susciter les vocations", page);
        Assert.Contains("Support du groupe de travail « Axe 2 » du CDSF, 27 mai 2025", page);
        Assert.DoesNotContain("Accompagner la production, la capitalisation et le partage de connaissances", page);
        var earlier = await Forms.TextAsync(await app.Client().GetAsync($"/schema/{Departement}/2020-2024"));
        Assert.Contains("Rendre lisible le processus d'attribution des modes d'accueil pour les familles", earlier);
    }
}
