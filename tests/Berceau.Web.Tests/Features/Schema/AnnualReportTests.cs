using System.Globalization;
using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Governance;
using Berceau.Domain.Observatory;
using Berceau.Domain.Schema;
using Berceau.Web.Features.Observatory;
using Berceau.Web.Features.Schema;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Berceau.Web.Tests.Features.Schema.SchemaTestData;
using static Berceau.Web.Tests.Features.Schema.AnnualReportTestData;

namespace Berceau.Web.Tests.Features.Schema;

/// <summary>
/// The « rapport annuel » of a schéma: the year-end figures read by day (an update dated later changes nothing), what moved,
/// the year's états d'avancement, the observatory's values, the meetings of the instances the reader may open; the same
/// content in the page, the PDF and the workbook; who may open it; wrong years.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class AnnualReportTests(BerceauApp app)
{

    private static string Path(TestSchema t, int year, string? format = null) => SchemaFeature.AnnualReportPath(t.Id, year, format);

    [Fact]
    public async Task ThePage_GivesTheYearEndFigures_WhatMoved_TheYearsUpdates_AndTheMeetings()
    {
        var (t, y, _, _, tag) = await app.AnnualYearAsync();
        using var secretariat = await app.SecretariatAsync();

        var response = await secretariat.GetAsync(Path(t, y));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.TextAsync(response);

        Assert.Contains($"Rapport annuel {y} – {t.Schema.Title}", page);
        Assert.Contains($"situation au 31/12/{y}", page);
        // On 31 December: the piloted fiche done (its abandonment is dated Y+1), the draft in progress, the other not started.
        Assert.Contains("3 fiches : non démarrée 1, en cours 1, réalisée 1, abandonnée 0 ; part réalisée 33 % (hors abandonnées)", page);
        Assert.Contains($"{t.Piloted.Number} – {t.Piloted.Title}</a> : 01/03/{y} : non démarrée → en cours ; 15/10/{y} : en cours → réalisée", page);
        Assert.Contains($"{t.Draft.Number} – {t.Draft.Title} (brouillon)</a> : 02/05/{y} : non démarrée → en cours", page);
        Assert.Contains($"Places ouvertes {tag}", page);
        Assert.Contains($"Brouillon avancé {tag}", page);
        Assert.DoesNotContain($"Abandon l’année suivante {tag}", page);
        Assert.Contains("Places créées", page);
        Assert.Contains("500 places", page);
        Assert.Contains("Taux de couverture global (Cnaf)", page);
        // Governance: the secretariat sees both instances, the late action.
        Assert.Contains($"10/06/{y} – Comité du pilote {tag} (Groupe de travail)", page);
        Assert.Contains($"Groupe fermé {tag}", page);
        Assert.Contains("1 présent sur 1", page);
        Assert.Contains($"Action de suivi {tag} – {t.Pilot.Name}, échéance 30/09/{y} : <strong>En retard</strong>", page);
        Assert.Contains(SchemaFeature.AnnualReportPath(t.Id), await Forms.TextAsync(await secretariat.GetAsync($"/pro/schema/{t.Id}")));
    }

    [Fact]
    public async Task ThePdfAndTheWorkbook_SayTheSame_FromTheSameModel()
    {
        var (t, y, _, _, tag) = await app.AnnualYearAsync();
        using var secretariat = await app.SecretariatAsync();

        using var pdf = await secretariat.GetAsync(Path(t, y, "pdf"));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"rapport-annuel-93-{t.Schema.Period}-{y}.pdf", pdf.Content.Headers.ContentDisposition?.ToString());
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains($"Rapport annuel {y}", text);
        Assert.Contains("réalisée 1", text);
        Assert.Contains($"Places ouvertes {tag}", text);
        Assert.Contains("(brouillon)", text);
        Assert.Contains($"Décision du comité {tag}", text);
        Assert.Contains("En retard", text);
        Assert.DoesNotContain($"Abandon l’année suivante {tag}", text);

        using var xlsx = await secretariat.GetAsync(Path(t, y, "xlsx"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Fiches", "États d’avancement", "Indicateurs", "Réunions", "Décisions et suivi"], workbook.Worksheets.Select(w => w.Name));
        var fiches = workbook.Worksheet("Fiches");
        var piloted = fiches.RowsUsed().Single(r => r.Cell(2).GetString() == t.Piloted.Number);
        Assert.Equal(("Non démarrée", "Réalisée", new DateTime(y, 10, 15)), (piloted.Cell(6).GetString(), piloted.Cell(7).GetString(), piloted.Cell(8).GetDateTime()));
        Assert.Equal("non (brouillon)", fiches.RowsUsed().Single(r => r.Cell(2).GetString() == t.Draft.Number).Cell(4).GetString());
        var updates = workbook.Worksheet("États d’avancement").RowsUsed().Skip(1).Select(r => r.Cell(6).GetString()).ToList();
        Assert.Equal([$"Démarrage {tag}", $"Brouillon avancé {tag}", $"Places ouvertes {tag}"], updates);
        var meetings = workbook.Worksheet("Réunions").RowsUsed().Where(r => r.Cell(2).GetString().EndsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, meetings.Count);
        Assert.All(meetings, m => Assert.Equal((1, 1), (m.Cell(4).GetValue<int>(), m.Cell(7).GetValue<int>())));
        var decision = workbook.Worksheet("Décisions et suivi").RowsUsed().Single(r => r.Cell(5).GetString() == $"Action de suivi {tag}");
        Assert.Equal(($"Décision du comité {tag}", t.Pilot.Name, "En retard"), (decision.Cell(4).GetString(), decision.Cell(6).GetString(), decision.Cell(8).GetString()));
    }

    [Fact]
    public async Task AnUpdateDatedAfterTheYear_ChangesNothingInIt_ButTheNextYearsReport()
    {
        var (t, y, _, _, _) = await app.AnnualYearAsync();
        using var secretariat = await app.SecretariatAsync();
        var before = await CellsAsync(secretariat, Path(t, y, "xlsx"));
        var nextBefore = await CellsAsync(secretariat, Path(t, y + 1, "xlsx"));

        var sheet = await app.SheetAsync(t.OthersSheet.Id);
        AssertRedirect(await ProgressAsync(secretariat, sheet, $"{y + 1}-01-10", "Done", "Réalisée au début de l’année suivante."));

        Assert.Equal(before, await CellsAsync(secretariat, Path(t, y, "xlsx")));
        Assert.NotEqual(nextBefore, await CellsAsync(secretariat, Path(t, y + 1, "xlsx")));
        var next = await Forms.TextAsync(await secretariat.GetAsync(Path(t, y + 1)));
        Assert.Contains("Réalisée au début de l’année suivante.", next);
        // Y+1: the piloted fiche abandoned, the other done, the draft in progress: 1 done of 2 not abandoned.
        Assert.Contains("3 fiches : non démarrée 0, en cours 1, réalisée 1, abandonnée 1 ; part réalisée 50 % (hors abandonnées)", next);
    }

    private static async Task<string> CellsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        return string.Join("\n", workbook.Worksheets.SelectMany(w => w.CellsUsed().Select(c => $"{w.Name}!{c.Address}={c.GetFormattedString()}")));
    }

    [Fact]
    public async Task Indicators_CarryTheObservatorysValuesOfTheYearAndTheYearBefore()
    {
        // A schéma over years the Cnaf published (2021, 2022), its fiche a draft: a published one would become the 93's schéma in force.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var schema = Sdsf.Create(Departement, $"Schéma des indicateurs {tag}", 2021, 2022, null, BerceauApp.Now).Value;
        var axis = schema.AddAxis(1, "Axe unique").Value;
        var sheet = ActionSheet.Create(schema.Id, axis.Id, "1", [], new ActionSheetContent($"Fiche des indicateurs {tag}", null, null, null, null, null,
            [new IndicatorLine("Couverture EAJE", "40", "taux_eaje_ensemble"), new IndicatorLine("Couverture globale", "65", "taux_global")]), BerceauApp.Now).Value;
        schema.Version = 0;
        await app.WithDbAsync(async db =>
        {
            db.Schemas.Add(schema);
            db.ActionSheets.Add(sheet);
            return await db.SaveChangesAsync();
        });
        using var secretariat = await app.SecretariatAsync();

        using var xlsx = await secretariat.GetAsync(SchemaFeature.AnnualReportPath(schema.Id.Value, 2022, "xlsx"));
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var rows = workbook.Worksheet("Indicateurs").RowsUsed().Skip(1).ToList();

        using var scope = app.Services.CreateScope();
        var coverage = scope.ServiceProvider.GetRequiredService<CoverageQueries>();
        var rates2022 = (await coverage.ForAsync(TerritoryKind.Departement, Departement, 2022, default)).Result!.Computed;
        var rates2021 = (await coverage.ForAsync(TerritoryKind.Departement, Departement, 2021, default)).Result!.Computed;
        Assert.Equal(("Couverture EAJE", "40", rates2022.Eaje, rates2021.Eaje),
            (rows[0].Cell(3).GetString(), rows[0].Cell(4).GetString(), (decimal?)rows[0].Cell(6).GetValue<decimal>(), (decimal?)rows[0].Cell(7).GetValue<decimal>()));
        Assert.Equal((rates2022.Global, rates2021.Global), ((decimal?)rows[1].Cell(6).GetValue<decimal>(), (decimal?)rows[1].Cell(7).GetValue<decimal>()));
        var page = await Forms.TextAsync(await secretariat.GetAsync(SchemaFeature.AnnualReportPath(schema.Id.Value, 2022)));
        Assert.Contains(AnnualReportText.Rate(rates2022.Global), page);
        Assert.Contains(AnnualReportText.Rate(rates2021.Eaje), page);
    }

    [Fact]
    public async Task PlacesPlannedInTheYear_BringTheObservatorysStaffNeeded()
    {
        var (t, y, _, _, _) = await app.AnnualYearAsync();
        await app.WithDbAsync(async db =>
        {
            var sheet = await db.ActionSheets.Include(s => s.PlannedPlaces).FirstAsync(s => s.Id == t.Piloted.Id);
            var scope = PlanningScope.Of(t.Schema, await db.Communes.Where(c => c.DepartementCode == Departement).Select(c => c.Code).ToListAsync());
            Assert.True(sheet.PlanPlaces([new PlannedPlacesLine("93048", y, 12, Berceau.Domain.Offer.CareMode.EajeCollectif, null)], scope).IsSuccess);
            return await db.SaveChangesAsync();
        });
        using var secretariat = await app.SecretariatAsync();

        var page = await Forms.TextAsync(await secretariat.GetAsync(Path(t, y)));

        Assert.Contains($"Places prévues en {y}</dt>", page);
        Assert.Contains("12 (dont 12 dans des fiches publiées)", page);
        using var scope = app.Services.CreateScope();
        var served = await scope.ServiceProvider.GetRequiredService<Berceau.Web.Features.Observatory.Indicators.IndicatorSnapshots>().GetAsync(Departement, y, default);
        var staff = served!.Report.Indicators.Single(i => i.Code == AnnualReports.StaffForPlannedCode);
        Assert.Contains($"{staff.Definition.Label}</dt>", page);
        Assert.Contains(AnnualReportText.Figure(staff), page);
        Assert.DoesNotContain("Places prévues en", await Forms.TextAsync(await secretariat.GetAsync(Path(t, y + 1))));
    }

    [Fact]
    public async Task Readers_OpenIt_SeeingOnlyTheInstancesTheyMayOpen_OthersFindNothing()
    {
        var (t, y, _, _, tag) = await app.AnnualYearAsync();
        using var partner = await app.MemberAsync(t.Pilot);
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: Departement);
        using var other = await app.SecretariatAsync(OtherDepartement);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Sevran);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        var mine = await Forms.TextAsync(await partner.GetAsync(Path(t, y)));
        Assert.Contains($"Décision du comité {tag}", mine);
        Assert.DoesNotContain($"Groupe fermé {tag}", mine);
        Assert.DoesNotContain($"Décision confidentielle {tag}", mine);
        Assert.Contains("Seulement les instances où siège votre organisation", mine);
        var read = await Forms.TextAsync(await observatory.GetAsync(Path(t, y)));
        Assert.Contains("3 fiches", read);
        Assert.DoesNotContain($"Comité du pilote {tag}", read);
        using (var xlsx = await partner.GetAsync(Path(t, y, "xlsx")))
        {
            using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
            Assert.DoesNotContain(workbook.Worksheet("Réunions").RowsUsed(), r => r.Cell(2).GetString() == $"Groupe fermé {tag}");
        }

        foreach (var format in new string?[] { null, "pdf", "xlsx" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Path(t, y, format))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(Path(t, y, format))).StatusCode);
            OfferTestData.AssertForbidden(await family.GetAsync(Path(t, y, format)));
            var anonymous = await app.Client().GetAsync(Path(t, y, format));
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("connexion", anonymous.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(Path(t, y, "docx"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(SchemaFeature.AnnualReportPath(Guid.NewGuid(), y))).StatusCode);
    }

    [Fact]
    public async Task AReaderSittingInNoInstance_IsToldGovernanceIsNotOpenToIt_NotThatNoMeetingWasHeld()
    {
        var (t, y, _, _, tag) = await app.AnnualYearAsync();
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: Departement);

        var page = await Forms.TextAsync(await observatory.GetAsync(Path(t, y)));
        Assert.DoesNotContain($"Comité du pilote {tag}", page);
        Assert.Contains("Les instances de gouvernance du département ne vous sont pas ouvertes", page);
        Assert.DoesNotContain("où siège votre organisation", page);
        Assert.DoesNotContain($"Aucune réunion tenue en {y}", page);

        using var pdf = await observatory.GetAsync(Path(t, y, "pdf"));
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("ne vous sont pas ouvertes", text);
        Assert.DoesNotContain("Aucune réunion tenue", text);
    }

    [Theory]
    [InlineData("deux mille", "en chiffres")]
    [InlineData("1999", "entre 2000 et 2100")]
    [InlineData("2101", "entre 2000 et 2100")]
    [InlineData("before", "commence en")]
    [InlineData("after", "le dernier rapport annuel possible")]
    [InlineData("future", "n’a pas commencé")]
    public async Task AWrongYear_IsToldInFrench_WithTheYearsThereAre(string year, string message)
    {
        // Drafts only: nobody's public schéma. The current year is 2026 (BerceauApp.Now): a schéma 2026-2027 has not reached 2027.
        var t = await app.SchemaAsync(startYear: year == "future" ? 2026 : 2010, publish: false);
        using var secretariat = await app.SecretariatAsync();
        var asked = year switch
        {
            "before" => (t.Schema.StartYear - 1).ToString(CultureInfo.InvariantCulture),
            "after" => (t.Schema.EndYear + 2).ToString(CultureInfo.InvariantCulture),
            "future" => "2027",
            _ => year,
        };

        foreach (var format in new string?[] { null, "pdf", "xlsx" })
        {
            var response = await secretariat.GetAsync($"{SchemaFeature.AnnualReportPath(t.Id, format: format)}?annee={Uri.EscapeDataString(asked)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var page = await Forms.TextAsync(response);
            Assert.Contains("Il y a un problème", page);
            Assert.Contains(message, page);
            Assert.Contains(SchemaFeature.AnnualReportPath(t.Id, t.Schema.StartYear), page);
        }
    }

    [Fact]
    public async Task WithoutAYear_TheLatestPossibleIsShown()
    {
        var t = await app.SchemaAsync(startYear: 2010, publish: false);
        using var secretariat = await app.SecretariatAsync();
        var page = await Forms.TextAsync(await secretariat.GetAsync(SchemaFeature.AnnualReportPath(t.Id)));
        Assert.Contains($"Rapport annuel {t.Schema.EndYear + 1} – {t.Schema.Title}", page);
    }
}

/// <summary>The data of the annual report's tests, also used by the browser test.</summary>
internal static class AnnualReportTestData
{
    /// <summary>The schémas of these tests run 2000-2001: a period of no other test (see <see cref="SchemaTestData.SchemaAsync"/>).</summary>
    public const int AnnualYear = 2000;

    /// <summary>
    /// In the schéma's first year Y: the piloted fiche goes « en cours » on 1 March and « réalisée » on 15 October, and is
    /// abandoned on 1 February of Y+1; the draft goes « en cours » on 2 May. Two instances held a meeting on 10 June of Y: one
    /// where the pilot sits (a decision whose action, due 30 September, is not done: late), one where only the other organisation sits.
    /// </summary>
    public static async Task<(TestSchema T, int Year, GovernanceBody Mine, GovernanceBody Theirs, string Tag)> AnnualYearAsync(this BerceauApp app)
    {
        var t = await app.SchemaAsync(startYear: AnnualYear);
        var y = t.Schema.StartYear;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var today = Today(app);
        await app.WithDbAsync(async db =>
        {
            var piloted = await db.ActionSheets.FindAsync(t.Piloted.Id);
            var draft = await db.ActionSheets.FindAsync(t.Draft.Id);
            await db.Entry(piloted!).Collection(s => s.Updates).LoadAsync();
            await db.Entry(draft!).Collection(s => s.Updates).LoadAsync();
            piloted!.RecordProgress(new DateOnly(y, 3, 1), ProgressState.InProgress, $"Démarrage {tag}", today, BerceauApp.Now, "test");
            piloted.RecordProgress(new DateOnly(y, 10, 15), ProgressState.Done, $"Places ouvertes {tag}", today, BerceauApp.Now, "test");
            piloted.RecordProgress(new DateOnly(y + 1, 2, 1), ProgressState.Abandoned, $"Abandon l’année suivante {tag}", today, BerceauApp.Now, "test");
            draft!.RecordProgress(new DateOnly(y, 5, 2), ProgressState.InProgress, $"Brouillon avancé {tag}", today, BerceauApp.Now, "test");
            return await db.SaveChangesAsync();
        });
        var mine = await app.HeldMeetingAsync(t.Pilot, $"Comité du pilote {tag}", new DateOnly(y, 6, 10), $"Décision du comité {tag}", $"Action de suivi {tag}");
        var theirs = await app.HeldMeetingAsync(t.Other, $"Groupe fermé {tag}", new DateOnly(y, 6, 10), $"Décision confidentielle {tag}", null);
        return (t, y, mine, theirs, tag);
    }

    public static async Task<GovernanceBody> HeldMeetingAsync(this BerceauApp app, PartnerOrganisation member, string name, DateOnly day, string decision, string? action)
    {
        var body = GovernanceBody.Create(Departement, GovernanceKind.WorkingGroup, name, null, [], BerceauApp.Now).Value;
        var seat = body.AddMember(member.Id, MemberRole.Member, "Une personne", null, null).Value;
        var meeting = GovernanceMeeting.Schedule(body.Id, new MeetingSlot(day, new TimeOnly(9, 0), new TimeOnly(11, 0), "Bobigny", null), ["Bilan"], day, BerceauApp.Now).Value;
        Assert.True(meeting.RecordAttendance([new AttendanceLine(seat.Id, Presence.Present, null)], [seat.Id], "Compte rendu.", day).IsSuccess);
        var taken = meeting.Decide(decision, day, BerceauApp.Now, "test").Value;
        var followUp = action is null ? null
            : DecisionFollowUp.Create(Departement, body.Id, meeting.Id, taken, action, member.Id, new DateOnly(day.Year, 9, 30), day, null, BerceauApp.Now).Value;
        await app.WithDbAsync(async db =>
        {
            db.GovernanceBodies.Add(body);
            db.GovernanceMeetings.Add(meeting);
            if (followUp is not null) db.DecisionFollowUps.Add(followUp);
            return await db.SaveChangesAsync();
        });
        return body;
    }
}
