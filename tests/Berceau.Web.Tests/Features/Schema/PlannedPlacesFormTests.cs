using System.Net;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Schema.SchemaTestData;

namespace Berceau.Web.Tests.Features.Schema;

/// <summary>
/// The « places prévues » lines of a fiche (issue 10): set in the fiche form by the secretariat or the fiche's pilot, refused
/// line by line with a French message (nothing changes), shown on the fiche (staff and public) and in the report, audited.
/// Each test builds its own schéma (SchemaTestData: own period, own organisations); Montreuil (93048) is only named in lines.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class PlannedPlacesFormTests(BerceauApp app)
{
    private const string Montreuil = "93048";

    private static (string, string)[] Fiche(TestSchema t, int version, params (string Commune, string Year, string Places, string Mode, string Label)[] lines) =>
    [
        ("Input.Version", version.ToString()), ("Input.AxisId", t.Schema.Axes[0].Id.ToString()), ("Input.Number", "1.1"), ("Input.Title", t.Piloted.Title),
        ("Input.PilotId", t.Pilot.Id.ToString()),
        .. lines.SelectMany((l, i) => new[]
        {
            ($"Input.PlannedPlaces[{i}].CommuneCode", l.Commune), ($"Input.PlannedPlaces[{i}].Year", l.Year), ($"Input.PlannedPlaces[{i}].Places", l.Places),
            ($"Input.PlannedPlaces[{i}].Mode", l.Mode), ($"Input.PlannedPlaces[{i}].Label", l.Label),
        }),
    ];

    [Fact]
    public async Task TheSecretariat_SetsPlannedPlaces_ShownOnTheFiche_PublicPage_AndReport_AndAudited()
    {
        using var secretariat = await app.SecretariatAsync();
        var t = await app.SchemaAsync();
        var year = t.Schema.StartYear.ToString();
        var edit = $"/pro/schema/fiches/{t.Piloted.Id}/modifier";

        var form = await Forms.TextAsync(await secretariat.GetAsync(edit));
        Assert.Contains("Places prévues, ligne 2", form);
        Assert.Contains("Montreuil (93048)", form);
        AssertRedirect(await Forms.PostFormAsync(secretariat, edit, Fiche(t, 0,
            (Montreuil, year, "12", "EAJE_COLLECTIF", "Crèche de la Croix-de-Chavaux"), ("", t.Schema.EndYear.ToString(), "30", "MAM", ""))));

        var sheet = await app.SheetAsync(t.Piloted.Id);
        var stored = await app.WithDbAsync(db => db.PlannedPlaces.AsNoTracking().Where(p => p.SheetId == t.Piloted.Id).OrderBy(p => p.Position).ToListAsync());
        Assert.Equal([(Montreuil, t.Schema.StartYear, 12, CareMode.EajeCollectif, "Crèche de la Croix-de-Chavaux"), (null, t.Schema.EndYear, 30, CareMode.Mam, null)],
            stored.Select(p => (p.CommuneCode, p.Year, p.Places, p.Mode, p.Label)));
        Assert.Equal(1, sheet.Version);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == t.Piloted.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("places prévues d’une fiche action", audit);

        var page = await Forms.TextAsync(await secretariat.GetAsync(SheetPath(t.Piloted)));
        Assert.Contains("Montreuil (93048)", page);
        Assert.Contains("Crèche de la Croix-de-Chavaux", page);
        Assert.Contains("Tout le département", page);
        var published = await Forms.TextAsync(await app.Client().GetAsync($"/schema/{Departement}/fiches/{t.Piloted.Id}"));
        Assert.Contains("Maison d’assistants maternels (MAM)", published);
        Assert.Contains("Crèche de la Croix-de-Chavaux", published);
        var report = await Forms.TextAsync(await secretariat.GetAsync($"/pro/schema/{t.Id}/avancement"));
        Assert.Contains("Places prévues (42 au total)", report);
        Assert.Contains($"12 places, Crèche collective / multi-accueil, Montreuil (93048), {year} – Crèche de la Croix-de-Chavaux", report);
        Assert.Contains($"30 places, Maison d’assistants maternels (MAM), tout le département, {t.Schema.EndYear}", report);

        // The period cannot leave a planned year out; emptied lines remove the places.
        var period = await Forms.PostFormAsync(secretariat, $"/pro/schema/{t.Id}/modifier", ("Input.Version", "0"), ("Input.Title", t.Schema.Title),
            ("Input.StartYear", (t.Schema.StartYear + 1).ToString()), ("Input.EndYear", t.Schema.EndYear.ToString()));
        Assert.Equal([$"Une fiche prévoit des places en {year} : la période du schéma doit couvrir cette année (modifiez d’abord la fiche)."], await Forms.ErrorSummaryAsync(period));
        AssertRedirect(await Forms.PostFormAsync(secretariat, edit, Fiche(t, 1, ("", "", "", "", ""))));
        Assert.Equal(0, await app.WithDbAsync(db => db.PlannedPlaces.CountAsync(p => p.SheetId == t.Piloted.Id)));
    }

    [Fact]
    public async Task BadLines_AreRefused_WithTheirMessage_AndChangeNothing()
    {
        using var secretariat = await app.SecretariatAsync();
        var t = await app.SchemaAsync();
        var year = t.Schema.StartYear.ToString();
        var edit = $"/pro/schema/fiches/{t.Piloted.Id}/modifier";
        AssertRedirect(await Forms.PostFormAsync(secretariat, edit, Fiche(t, 0, (Montreuil, year, "12", "EAJE_COLLECTIF", ""))));

        var bad = await Forms.PostFormAsync(secretariat, edit, Fiche(t, 1,
            ("75056", year, "12", "EAJE_COLLECTIF", ""),
            (Montreuil, (t.Schema.EndYear + 1).ToString(), "12", "EAJE_COLLECTIF", ""),
            (Montreuil, year, "douze", "MICRO_CRECHE", ""),
            (Montreuil, year, "0", "MAM", ""),
            (Montreuil, year, "100000", "AM", ""),
            (Montreuil, year, "5", "RPE", ""),
            (Montreuil, year, "5", "EAJE_COLLECTIF", ""),
            (Montreuil, year, "7", "EAJE_COLLECTIF", "")));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal([
            "« 75056 » n’est pas le code INSEE d’une commune du département 93 : corrigez-le, ou laissez-le vide pour des places prévues dans tout le département.",
            $"L’année {t.Schema.EndYear + 1} est hors de la période du schéma ({t.Schema.Period}).",
            "Saisissez un nombre.",
            "Indiquez un nombre de places prévues entre 1 et 5000.",
            "Indiquez un nombre de places prévues entre 1 et 5000.",
            "Choisissez le mode d’accueil des places prévues.",
            $"Une autre ligne prévoit déjà des places pour {Montreuil} en {year} en « Crèche collective / multi-accueil » : additionnez-les sur une seule ligne.",
        ], await Forms.ErrorSummaryAsync(bad));
        var sheet = await app.SheetAsync(t.Piloted.Id);
        var stored = await app.WithDbAsync(db => db.PlannedPlaces.AsNoTracking().Where(p => p.SheetId == t.Piloted.Id).Select(p => new { p.CommuneCode, p.Places }).ToListAsync());
        Assert.Equal((1, Montreuil, 12), (sheet.Version, Assert.Single(stored).CommuneCode, stored[0].Places));
    }

    [Fact]
    public async Task ThePilot_SetsItsFichesPlannedPlaces_ButNotAnotherOrganisations()
    {
        var t = await app.SchemaAsync();
        using var partner = await app.MemberAsync(t.Pilot);
        var year = t.Schema.StartYear.ToString();

        var form = await Forms.TextAsync(await partner.GetAsync($"/pro/schema/fiches/{t.Piloted.Id}/modifier"));
        Assert.Contains("Places prévues, ligne 1", form);
        AssertRedirect(await Forms.PostFormAsync(partner, $"/pro/schema/fiches/{t.Piloted.Id}/modifier",
            ("Input.Version", "0"), ("Input.Title", t.Piloted.Title), ("Input.PlannedPlaces[0].CommuneCode", Montreuil), ("Input.PlannedPlaces[0].Year", year),
            ("Input.PlannedPlaces[0].Places", "24"), ("Input.PlannedPlaces[0].Mode", "EAJE_COLLECTIF")));
        Assert.Equal(24, await app.WithDbAsync(db => db.PlannedPlaces.Where(p => p.SheetId == t.Piloted.Id).SumAsync(p => p.Places)));

        OfferTestData.AssertForbidden(await Forms.PostFormToAsync(partner, "/pro", $"/pro/schema/fiches/{t.OthersSheet.Id}/modifier",
            [KeyValuePair.Create("Input.Version", "0"), KeyValuePair.Create("Input.Title", t.OthersSheet.Title), KeyValuePair.Create("Input.PlannedPlaces[0].CommuneCode", Montreuil),
             KeyValuePair.Create("Input.PlannedPlaces[0].Year", year), KeyValuePair.Create("Input.PlannedPlaces[0].Places", "24"), KeyValuePair.Create("Input.PlannedPlaces[0].Mode", "EAJE_COLLECTIF")]));
        Assert.Equal(0, await app.WithDbAsync(db => db.PlannedPlaces.CountAsync(p => p.SheetId == t.OthersSheet.Id)));
        Assert.Equal(0, (await app.SheetAsync(t.OthersSheet.Id)).Version);
    }
}
