using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Schema;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Schema.SchemaTestData;

namespace Berceau.Web.Tests.Features.Schema;

/// <summary>Each form of the schéma: what it records, and bad input refused with a French message next to the field, changing nothing.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class SchemaFormTests(BerceauApp app)
{
    [Fact]
    public async Task TheSecretariat_CreatesASchema_AnAxe_AFiche_PublishesIt_AndRecordsItsProgress()
    {
        using var secretariat = await app.SecretariatAsync();
        var t = await app.SchemaAsync();
        var title = $"Schéma créé {Guid.NewGuid():N}"[..24];

        var created = await Forms.PostFormAsync(secretariat, "/pro/schema/nouveau",
            ("Input.Departement", Departement), ("Input.Title", title), ("Input.StartYear", "2027"), ("Input.EndYear", "2032"), ("Input.Source", "Délibération du CDSF"));
        AssertRedirect(created);
        var path = created.Headers.Location!.OriginalString;
        AssertRedirect(await Forms.PostFormAsync(secretariat, path + "/axes/nouveau", ("Input.Version", "1"), ("Input.Number", "1"), ("Input.Title", "Développer l’offre")));
        var schema = await app.WithDbAsync(db => db.Schemas.AsNoTracking().Include(s => s.Axes).FirstAsync(s => s.Title == title));
        var sheet = await Forms.PostFormAsync(secretariat, path + "/fiches/nouvelle",
            ("Input.AxisId", schema.Axes[0].Id.ToString()), ("Input.Number", "1.1"), ("Input.Title", "Créer des places en EAJE"),
            ("Input.PilotId", t.Pilot.Id.ToString()), ("Input.CoPilotIds", t.Other.Id.ToString()), ("Input.Issues", "Rééquilibrer\nAccompagner"),
            ("Input.Indicators[0].Label", "Taux de couverture global"), ("Input.Indicators[0].Target", "60 %"), ("Input.Indicators[0].ObservatoryKey", "taux_global"),
            ("Input.Indicators[1].Label", ""), ("Input.Indicators[1].Target", ""), ("Input.Indicators[1].ObservatoryKey", ""));
        AssertRedirect(sheet);
        var sheetPath = sheet.Headers.Location!.OriginalString;
        AssertRedirect(await Forms.PostFormToAsync(secretariat, sheetPath, sheetPath + "?handler=Publish", [KeyValuePair.Create("Publication.Version", "0")]));
        AssertRedirect(await Forms.PostFormToAsync(secretariat, sheetPath, sheetPath + "?handler=Progress",
            [KeyValuePair.Create("Progress.Version", "1"), KeyValuePair.Create("Progress.On", "2026-11-20"), KeyValuePair.Create("Progress.State", "Done"), KeyValuePair.Create("Progress.Comment", "Douze places ouvertes.")]));

        var stored = await app.WithDbAsync(db => db.ActionSheets.AsNoTracking().Include(s => s.CoPilots).Include(s => s.Indicators).Include(s => s.Updates)
            .AsSplitQuery().FirstAsync(s => s.SchemaId == schema.Id));
        Assert.Equal(("1.1", t.Pilot.Id, true, ProgressState.Done, new DateOnly(2026, 11, 20)), (stored.Number, stored.PilotId!.Value, stored.IsPublished, stored.State, stored.StateOn!.Value));
        Assert.Equal(t.Other.Id, Assert.Single(stored.CoPilots).OrganisationId);
        var indicator = Assert.Single(stored.Indicators);
        Assert.Equal(("Taux de couverture global", "60 %", "taux_global"), (indicator.Label, indicator.Target, indicator.ObservatoryKey));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == stored.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["création d’une fiche action", "publication d’une fiche action", "état d’avancement"], audit);
    }

    [Fact]
    public async Task BadSchemaAndAxisInput_IsRefusedField_ByField_AndChangesNothing()
    {
        using var secretariat = await app.SecretariatAsync();
        var t = await app.SchemaAsync();
        var count = await app.WithDbAsync(db => db.Schemas.CountAsync());

        var empty = await Forms.PostFormAsync(secretariat, "/pro/schema/nouveau", ("Input.Departement", OtherDepartement), ("Input.Title", " "), ("Input.StartYear", "deux mille"), ("Input.EndYear", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(["Choisissez un département dont vous tenez le secrétariat du schéma.", "Saisissez un nombre.", "Ce champ est obligatoire."],
            await Forms.ErrorSummaryAsync(empty));
        var reversed = await Forms.PostFormAsync(secretariat, "/pro/schema/nouveau", ("Input.Departement", Departement), ("Input.Title", "À l’envers"), ("Input.StartYear", "2026"), ("Input.EndYear", "2024"));
        Assert.Equal(["La dernière année doit être égale ou postérieure à la première."], await Forms.ErrorSummaryAsync(reversed));
        var edit = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/modifier", ("Input.Version", "0"), ("Input.Title", ""), ("Input.StartYear", "2024"), ("Input.EndYear", "2050"));
        Assert.Equal(["Ce champ est obligatoire.", "Un schéma couvre au plus 10 ans."], await Forms.ErrorSummaryAsync(edit));
        var taken = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/axes/nouveau", ("Input.Version", "0"), ("Input.Number", "2"), ("Input.Title", "Un axe de trop"));
        Assert.Equal(["Ce schéma a déjà un axe 2."], await Forms.ErrorSummaryAsync(taken));
        var untitled = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/axes/{t.Schema.Axes[0].Id}", ("Input.Version", "0"), ("Input.Number", "99"), ("Input.Title", ""));
        Assert.Equal(["La valeur doit être comprise entre 1 et 20."], await Forms.ErrorSummaryAsync(untitled));
        var stale = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/axes/nouveau", ("Input.Version", "7"), ("Input.Number", "3"), ("Input.Title", "Trop tard"));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(stale)));

        Assert.Equal(count, await app.WithDbAsync(db => db.Schemas.CountAsync()));
        var schema = await app.ReloadAsync(t.Schema.Id);
        Assert.Equal((t.Schema.Title, 2, 0), (schema.Title, schema.Axes.Count, schema.Version));
    }

    [Fact]
    public async Task BadFicheInput_IsRefusedField_ByField_AndChangesNothing()
    {
        using var secretariat = await app.SecretariatAsync();
        var t = await app.SchemaAsync();
        var axis = t.Schema.Axes[0].Id.ToString();

        var created = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/fiches/nouvelle",
            ("Input.AxisId", ""), ("Input.Number", "1.a"), ("Input.Title", ""), ("Input.PilotId", Guid.NewGuid().ToString()),
            ("Input.Indicators[0].Label", ""), ("Input.Indicators[0].Target", "50 %"), ("Input.Indicators[1].Label", "Taux"), ("Input.Indicators[1].ObservatoryKey", "taux_inconnu"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal([
            "Choisissez l’axe de la fiche.", "Écrivez le numéro avec des chiffres, séparés par des points si besoin : 1.1, 2.3 ou 6.",
            "Ce champ est obligatoire.", "Cette valeur n’est pas reconnue.",
            "Écrivez le libellé de l’indicateur, ou videz toute la ligne.", "Cette valeur n’est pas reconnue.",
        ], await Forms.ErrorSummaryAsync(created));
        var duplicate = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/fiches/nouvelle", ("Input.AxisId", axis), ("Input.Number", "1.1"), ("Input.Title", "En double"));
        Assert.Equal(["Ce schéma a déjà une fiche 1.1."], await Forms.ErrorSummaryAsync(duplicate));
        var edit = $"/pro/schema/fiches/{t.Piloted.Id}/modifier";
        var tooLong = await Forms.PostFormAsync(secretariat, edit, ("Input.Version", "0"), ("Input.AxisId", axis), ("Input.Number", "2.1"), ("Input.Title", new string('x', 401)));
        Assert.Equal(["Le texte ne doit pas dépasser 400 caractères."], await Forms.ErrorSummaryAsync(tooLong));
        // The place in the schéma is checked once the content is valid.
        var taken = await Forms.PostFormAsync(secretariat, edit, ("Input.Version", "0"), ("Input.AxisId", axis), ("Input.Number", "2.1"), ("Input.Title", "Un intitulé valable"));
        Assert.Equal(["Ce schéma a déjà une fiche 2.1."], await Forms.ErrorSummaryAsync(taken));
        var stale = await Forms.PostFormAsync(secretariat, edit, ("Input.Version", "3"), ("Input.AxisId", axis), ("Input.Number", "1.1"), ("Input.Title", "Version périmée"));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(stale)));

        Assert.Equal(3, await app.WithDbAsync(db => db.ActionSheets.CountAsync(s => s.SchemaId == t.Schema.Id)));
        var sheet = await app.SheetAsync(t.Piloted.Id);
        Assert.Equal((t.Piloted.Title, "1.1", 0, 2), (sheet.Title, sheet.Number, sheet.Version, sheet.Indicators.Count));
    }

    [Fact]
    public async Task BadProgressInput_IsRefused_AndAddsNothing()
    {
        var t = await app.SchemaAsync();
        using var partner = await app.MemberAsync(t.Pilot);
        var tomorrow = Today(app).AddDays(1).ToString("yyyy-MM-dd");

        var future = await ProgressAsync(partner, t.Piloted, tomorrow, null, "ok");
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Equal([
            "L’état d’avancement décrit ce qui s’est passé : la date ne peut pas être après aujourd’hui.",
            "Choisissez l’état de la fiche : non démarrée, en cours, réalisée ou abandonnée.",
            "Écrivez un commentaire d’au moins 5 caractères : ce qui a été fait, ce qui reste à faire.",
        ], await Forms.ErrorSummaryAsync(future));
        var notADate = await ProgressAsync(partner, t.Piloted, "31/02/2026", "Bientôt", new string('x', 1001));
        Assert.Equal(["Saisissez une date valide, par exemple 01/09/2026.", "Choisissez l’état de la fiche : non démarrée, en cours, réalisée ou abandonnée.",
            "Le texte ne doit pas dépasser 1000 caractères."], await Forms.ErrorSummaryAsync(notADate));
        var stale = await ProgressAsync(partner, t.Piloted, "2026-11-01", "Done", "Écrit sur une page ancienne.", version: 5);
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(stale)));

        var sheet = await app.SheetAsync(t.Piloted.Id);
        Assert.Equal((ProgressState.NotStarted, 0, 0), (sheet.State, sheet.Updates.Count, sheet.Version));
    }

    [Fact]
    public async Task AnUpdateAboutAnEarlierDay_IsKeptInTheHistory_ButDoesNotOverturnTheLatestState()
    {
        var t = await app.SchemaAsync();
        using var partner = await app.MemberAsync(t.Pilot);

        AssertRedirect(await ProgressAsync(partner, t.Piloted, "2026-11-10", "Done", "Action terminée.", version: 0));
        AssertRedirect(await ProgressAsync(partner, t.Piloted, "2026-06-01", "InProgress", "Point de juin, saisi en retard.", version: 1));

        var sheet = await app.SheetAsync(t.Piloted.Id);
        Assert.Equal((ProgressState.Done, new DateOnly(2026, 11, 10), 2), (sheet.State, sheet.StateOn!.Value, sheet.Updates.Count));
        var page = await Forms.TextAsync(await partner.GetAsync(SheetPath(t.Piloted)));
        Assert.True(page.IndexOf("Action terminée.", StringComparison.Ordinal) < page.IndexOf("Point de juin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organisations_AreCreatedAndLinkedToStaffAccounts_BadInputIsRefused()
    {
        using var secretariat = await app.SecretariatAsync();
        var t = await app.SchemaAsync();
        var (staffEmail, _) = await Accounts.CreateStaffAsync(app, Roles.Partner);
        var (familyEmail, _) = await Accounts.CreateFamilyAsync(app);
        const string page = "/pro/schema/organisations";
        string Handler(string name) => $"{page}?handler={name}";

        var duplicate = await Forms.PostFormToAsync(secretariat, page, Handler("Create"), [KeyValuePair.Create("Organisation.Departement", Departement), KeyValuePair.Create("Organisation.Name", t.Pilot.Name.ToUpperInvariant())]);
        Assert.Equal([$"L’organisation « {t.Pilot.Name.ToUpperInvariant()} » existe déjà dans ce département."], await Forms.ErrorSummaryAsync(duplicate));
        var elsewhere = await Forms.PostFormToAsync(secretariat, page, Handler("Create"), [KeyValuePair.Create("Organisation.Departement", OtherDepartement), KeyValuePair.Create("Organisation.Name", "Caf du 92")]);
        Assert.Equal(["Choisissez un département dont vous tenez le secrétariat du schéma."], await Forms.ErrorSummaryAsync(elsewhere));
        var family = await Forms.PostFormToAsync(secretariat, page, Handler("Add"), [KeyValuePair.Create("Member.OrganisationId", t.Pilot.Id.ToString()), KeyValuePair.Create("Member.Email", familyEmail)]);
        Assert.Equal([$"Aucun compte professionnel actif n’a l’adresse « {familyEmail} » : demandez à l’administration de le créer."], await Forms.ErrorSummaryAsync(family));
        var noOrganisation = await Forms.PostFormToAsync(secretariat, page, Handler("Add"), [KeyValuePair.Create("Member.OrganisationId", ""), KeyValuePair.Create("Member.Email", staffEmail)]);
        Assert.Equal(["Choisissez l’organisation."], await Forms.ErrorSummaryAsync(noOrganisation));
        Assert.Empty(await app.WithDbAsync(db => db.PartnerMembers.Where(m => m.OrganisationId == t.Pilot.Id).ToListAsync()));

        AssertRedirect(await Forms.PostFormToAsync(secretariat, page, Handler("Add"), [KeyValuePair.Create("Member.OrganisationId", t.Pilot.Id.ToString()), KeyValuePair.Create("Member.Email", staffEmail)]));
        var again = await Forms.PostFormToAsync(secretariat, page, Handler("Add"), [KeyValuePair.Create("Member.OrganisationId", t.Pilot.Id.ToString()), KeyValuePair.Create("Member.Email", staffEmail)]);
        Assert.Equal(["Ce compte est déjà rattaché à cette organisation."], await Forms.ErrorSummaryAsync(again));
        var name = $"Ville test {Guid.NewGuid():N}"[..20];
        AssertRedirect(await Forms.PostFormToAsync(secretariat, page, Handler("Create"), [KeyValuePair.Create("Organisation.Departement", Departement), KeyValuePair.Create("Organisation.Name", name)]));

        var userId = await Accounts.UserIdAsync(app, staffEmail);
        Assert.Single(await app.WithDbAsync(db => db.PartnerMembers.Where(m => m.OrganisationId == t.Pilot.Id && m.UserId == userId).ToListAsync()));
        Assert.True(await app.WithDbAsync(db => db.PartnerOrganisations.AnyAsync(o => o.Name == name && o.DepartementCode == Departement)));
        AssertRedirect(await Forms.PostFormToAsync(secretariat, page, Handler("Remove"), [KeyValuePair.Create("organisationId", t.Pilot.Id.ToString()), KeyValuePair.Create("userId", userId)]));
        Assert.Empty(await app.WithDbAsync(db => db.PartnerMembers.Where(m => m.OrganisationId == t.Pilot.Id).ToListAsync()));
    }

    [Fact]
    public async Task TheReport_CountsFichesByState_PerAxeAndForTheWholeSchema_AndComesAsAPdf()
    {
        var t = await app.SchemaAsync();
        using var partner = await app.MemberAsync(t.Pilot);
        AssertRedirect(await ProgressAsync(partner, t.Piloted, "2026-11-02", "Done", "Fiche réalisée.", version: 0));

        var report = await Forms.TextAsync(await partner.GetAsync($"/pro/schema/{t.Id}/avancement"));
        Assert.Contains("Fiche réalisée.", report);
        Assert.Contains("(brouillon)", report);
        Assert.Contains("Places créées – cible : 500 places", report);
        var axis = await Forms.TextAsync(await partner.GetAsync($"/pro/schema/{t.Id}/avancement?axe=2"));
        Assert.DoesNotContain("Fiche réalisée.", axis);
        Assert.Contains(t.OthersSheet.Title, axis);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/pro/schema/{t.Id}/avancement?axe=9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/pro/schema/{t.Id}/avancement/xlsx")).StatusCode);

        using var pdf = await partner.GetAsync($"/pro/schema/{t.Id}/avancement/pdf?axe=1");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("réalisée 1", text);
        Assert.Contains("Fiche réalisée.", text);
    }
}
