using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Difficulty;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Difficulty.DifficultyTestData;

namespace Berceau.Web.Tests.Features.Difficulty;

/// <summary>
/// The alert list of structures in difficulty, the advisors' signals and the accompaniment cases, through the real pages: what the
/// list shows and why, who may see it (role and territory), bad input (a French message, nothing saved) and the audit.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class StructuresInDifficultyTests(BerceauApp app)
{
    private Task<HttpClient> AdvisorAsync(string commune = Montreuil) => app.SignedInAsync(Roles.Advisor, commune: commune);

    [Fact]
    public async Task TheList_ShowsTheStructuresInAlert_WithTheirCauses_AndNotTheHealthyOnes()
    {
        var struggling = await app.CrecheAsync();
        await app.FreezeAsync(struggling, 4);
        await app.StaffingAsync(struggling, filled: 6, vacant: 3);
        var healthy = await app.CrecheAsync();
        await app.StaffingAsync(healthy, filled: 10, vacant: 0);
        using var advisor = await AdvisorAsync();

        var list = await Forms.TextAsync(await advisor.GetAsync("/pro/structures-en-difficulte?Commune=" + Montreuil));
        var all = await Forms.TextAsync(await advisor.GetAsync("/pro/structures-en-difficulte?Toutes=true"));

        Assert.Contains(struggling.Name, list);
        Assert.Contains("4 places sur 30 fermées faute de personnel aujourd’hui. Motif : Auxiliaires absentes non remplacées.", list);
        // 3 vacant of 9 = 33 %, at least 20 %.
        Assert.Contains("3 postes vacants sur 9 (33 %), seuil de 20 %.", list);
        Assert.DoesNotContain(healthy.Name, list);
        Assert.Contains(healthy.Name, all);
        // No occupancy report: « non disponible », not an invented rate.
        Assert.Contains("Non disponible", list);
        Assert.Contains("lecture de la liste des structures en difficulté",
            await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.Action == "lecture de la liste des structures en difficulté").Select(a => a.Action).First())));
    }

    [Fact]
    public async Task AnAdvisor_RecordsAFindingAndARate_OpensAnAccompanimentFromTheAlert_LogsFunding_AndClosesIt_AllAudited()
    {
        var creche = await app.CrecheAsync();
        using var advisor = await AdvisorAsync();
        var today = Iso(Today(app));

        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Signal",
            [new("Signal.Kind", "PmiFinding"), new("Signal.On", today), new("Signal.Note", "Sortie de secours encombrée")]));
        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Signal",
            [new("Signal.Kind", "Occupancy"), new("Signal.On", today), new("Signal.Percent", "55")]));
        var page = await Forms.TextAsync(await advisor.GetAsync(StructurePath(creche)));
        Assert.Contains("Constat de contrôle PMI du", page);
        Assert.Contains("Sortie de secours encombrée", page);
        Assert.Contains("Taux d’occupation de 55 % relevé le", page);

        var opened = await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Open",
            [new("Open.Origin", "Alert"), new("Open.Reason", "Contrôle PMI défavorable et occupation faible")]);
        StaffingAssert.Redirect(opened);
        var casePath = opened.Headers.Location!.OriginalString;
        var c = Assert.Single(await app.CasesAsync(creche));
        Assert.Equal($"/pro/accompagnements/{c.Id}", casePath);
        Assert.Contains("Contrôle PMI : Constat de contrôle PMI du", c.AlertsAtOpening);

        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, casePath, casePath + "?handler=Action",
            [new("Action.Version", "0"), new("Action.Kind", "FundingMobilised"), new("Action.On", today), new("Action.Funder", "Caf – fonds de rééquilibrage"), new("Action.Amount", "12 000,50")]));
        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, casePath, casePath + "?handler=Close",
            [new("Close.Version", "1"), new("Close.Outcome", "Stabilised"), new("Close.On", today)]));

        var closed = Assert.Single(await app.CasesAsync(creche));
        Assert.Equal(AccompanimentStatus.Closed, closed.Status);
        Assert.Equal(12_000.50m, closed.FundingMobilised);
        var casePage = await Forms.TextAsync(await advisor.GetAsync(casePath));
        Assert.Contains("12 000,50 € (Caf – fonds de rééquilibrage)", casePage.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Contains("Structure stabilisée", casePage);
        Assert.Equal(["ouverture de l’accompagnement", "lecture de l’accompagnement", "action d’accompagnement", "lecture de l’accompagnement",
            "clôture de l’accompagnement", "lecture de l’accompagnement"], await app.AuditActionsAsync(c.Id.ToString()));
        // The finding is remedied: lifted through the page, it no longer alerts.
        var finding = (await app.SignalsAsync(creche)).Single(x => x.Kind == SignalKind.PmiFinding);
        var early = await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Lift",
            [new("Lift.Signal", finding.Id.ToString()), new("Lift.LiftOn", Iso(Today(app).AddDays(-1))), new("Lift.LiftNote", "Contre-visite faite")]);
        Assert.Contains("La date de levée ne peut pas précéder le signalement", Forms.ErrorSummary(await Forms.TextAsync(early)).Single());
        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Lift",
            [new("Lift.Signal", finding.Id.ToString()), new("Lift.LiftOn", today), new("Lift.LiftNote", "Contre-visite : issue dégagée")]));
        Assert.True((await app.SignalsAsync(creche)).Single(x => x.Id == finding.Id).IsLifted);
        Assert.DoesNotContain("Constat de contrôle PMI du", await Forms.TextAsync(await advisor.GetAsync(StructurePath(creche))));
        var structureAudit = await app.AuditActionsAsync(creche.Id.ToString());
        Assert.Equal(2, structureAudit.Count(a => a == "signalement d’une structure"));
        Assert.Contains("levée d’un signalement", structureAudit);
        Assert.Contains("lecture des signalements d’une structure", structureAudit);
    }

    [Fact]
    public async Task AMamAskingForStabilisation_IsFollowedTheSameWay_WithoutAnAlert()
    {
        var mam = await app.MamAsync();
        using var advisor = await AdvisorAsync();

        var fromAlert = await Forms.PostFormToAsync(advisor, StructurePath(mam), StructurePath(mam) + "?handler=Open",
            [new("Open.Origin", "Alert"), new("Open.Reason", "La MAM perd une assistante maternelle")]);
        Assert.Equal(HttpStatusCode.OK, fromAlert.StatusCode);
        Assert.Contains("Cette structure n’a pas d’alerte aujourd’hui", Forms.ErrorSummary(await Forms.TextAsync(fromAlert)).Single());
        Assert.Empty(await app.CasesAsync(mam));

        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, StructurePath(mam), StructurePath(mam) + "?handler=Open",
            [new("Open.Origin", "StructureRequest"), new("Open.Reason", "La MAM demande un accompagnement pour se stabiliser")]));
        var c = Assert.Single(await app.CasesAsync(mam));
        Assert.Equal(AccompanimentOrigin.StructureRequest, c.Origin);

        // A second one is refused while the first is open.
        var second = await Forms.PostFormToAsync(advisor, StructurePath(mam), StructurePath(mam) + "?handler=Open",
            [new("Open.Origin", "StructureRequest"), new("Open.Reason", "Encore une demande")]);
        Assert.Single(await app.CasesAsync(mam));
        Assert.Contains("voir l’accompagnement", await Forms.TextAsync(second));
    }

    [Fact]
    public async Task BadInput_SaysWhatIsWrong_InFrench_AndSavesNothing()
    {
        var creche = await app.CrecheAsync();
        await app.FreezeAsync(creche, 2);
        using var advisor = await AdvisorAsync();
        var today = Iso(Today(app));
        var signal = StructurePath(creche) + "?handler=Signal";

        var rate = await Forms.PostFormToAsync(advisor, StructurePath(creche), signal, [new("Signal.Kind", "Occupancy"), new("Signal.On", today), new("Signal.Percent", "200")]);
        var noNote = await Forms.PostFormToAsync(advisor, StructurePath(creche), signal, [new("Signal.Kind", "FinancialAlert"), new("Signal.On", today), new("Signal.Note", "")]);
        var future = await Forms.PostFormToAsync(advisor, StructurePath(creche), signal, [new("Signal.Kind", "PmiFinding"), new("Signal.On", Iso(Today(app).AddDays(3))), new("Signal.Note", "Constat futur")]);
        var noKind = await Forms.PostFormToAsync(advisor, StructurePath(creche), signal, [new("Signal.Kind", "Rumeur"), new("Signal.On", "hier"), new("Signal.Note", "Constat")]);
        var shortReason = await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Open", [new("Open.Origin", "Alert"), new("Open.Reason", "ab")]);

        Assert.Contains("La valeur doit être comprise entre 0 et 150.", Forms.ErrorSummary(await Forms.TextAsync(rate)));
        Assert.Contains("Décrivez le constat ou l’alerte (au moins 5 caractères).", Forms.ErrorSummary(await Forms.TextAsync(noNote)));
        Assert.Contains("La date ne peut pas être dans le futur.", Forms.ErrorSummary(await Forms.TextAsync(future)));
        Assert.Contains("Saisissez une date valide, par exemple 01/09/2026.", Forms.ErrorSummary(await Forms.TextAsync(noKind)));
        Assert.Contains("Indiquez le motif (5 caractères au moins).", Forms.ErrorSummary(await Forms.TextAsync(shortReason)));
        Assert.Empty(await app.SignalsAsync(creche));
        Assert.Empty(await app.CasesAsync(creche));

        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Open",
            [new("Open.Origin", "Alert"), new("Open.Reason", "Places gelées depuis un mois")]));
        var path = $"/pro/accompagnements/{Assert.Single(await app.CasesAsync(creche)).Id}";
        var amount = await Forms.PostFormToAsync(advisor, path, path + "?handler=Action",
            [new("Action.Version", "0"), new("Action.Kind", "FundingMobilised"), new("Action.On", today), new("Action.Funder", "Caf"), new("Action.Amount", "-5")]);
        var stale = await Forms.PostFormToAsync(advisor, path, path + "?handler=Action",
            [new("Action.Version", "7"), new("Action.Kind", "Visit"), new("Action.On", today), new("Action.Note", "Visite")]);
        var noOutcome = await Forms.PostFormToAsync(advisor, path, path + "?handler=Close", [new("Close.Version", "0"), new("Close.Outcome", "Victoire"), new("Close.On", today)]);

        Assert.Contains("Saisissez un nombre.", Forms.ErrorSummary(await Forms.TextAsync(amount)));
        Assert.Contains("modifié par quelqu’un d’autre", Forms.ErrorSummary(await Forms.TextAsync(stale)).Single());
        Assert.Contains("Choisissez l’issue de l’accompagnement.", Forms.ErrorSummary(await Forms.TextAsync(noOutcome)));
        var unchanged = Assert.Single(await app.CasesAsync(creche));
        Assert.Single(unchanged.Actions);
        Assert.Equal(AccompanimentStatus.Open, unchanged.Status);
    }

    [Fact]
    public async Task AnAdvisorOfAnotherTerritory_FindsNothing_ADirectorAgentOrFamily_IsRefused_AndNothingChanges()
    {
        var creche = await app.CrecheAsync();
        await app.FreezeAsync(creche, 3);
        using var advisor = await AdvisorAsync();
        StaffingAssert.Redirect(await Forms.PostFormToAsync(advisor, StructurePath(creche), StructurePath(creche) + "?handler=Open",
            [new("Open.Origin", "Alert"), new("Open.Reason", "Places gelées depuis un mois")]));
        var casePath = $"/pro/accompagnements/{Assert.Single(await app.CasesAsync(creche)).Id}";
        using var stranger = await AdvisorAsync(OtherCommune);
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        var strangerList = await Forms.TextAsync(await stranger.GetAsync("/pro/structures-en-difficulte?Toutes=true"));
        Assert.DoesNotContain(creche.Name, strangerList);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(StructurePath(creche))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(casePath)).StatusCode);
        // Its own token, posted to another territory's structure and case.
        var token = await Forms.AntiforgeryTokenAsync(stranger, "/pro/structures-en-difficulte");
        using (var post = new FormUrlEncodedContent([new("Signal.Kind", "FinancialAlert"), new("Signal.On", Iso(Today(app))), new("Signal.Note", "Alerte d’un autre"), new(Forms.TokenField, token)]))
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(StructurePath(creche) + "?handler=Signal", post)).StatusCode);
        using (var post = new FormUrlEncodedContent([new("Close.Version", "0"), new("Close.Outcome", "Stabilised"), new("Close.On", Iso(Today(app))), new(Forms.TokenField, token)]))
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(casePath + "?handler=Close", post)).StatusCode);

        foreach (var client in new[] { director, agent, family })
        {
            foreach (var url in new[] { "/pro/structures-en-difficulte", StructurePath(creche), casePath })
            {
                OfferTestData.AssertForbidden(await client.GetAsync(url));
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/pro/structures-en-difficulte")).StatusCode);
        Assert.Empty(await app.SignalsAsync(creche));
        Assert.Equal(AccompanimentStatus.Open, Assert.Single(await app.CasesAsync(creche)).Status);
    }

    [Fact]
    public async Task AnAssistantMaternel_IsNotFollowedByTheList()
    {
        var childminder = await app.SaveAsync(TestData.Childminder(Montreuil, Name("AM Difficulté"), "93100", 48.86, 2.44, new Domain.Offer.Agrement(3, 0, 72, null, null)));
        using var advisor = await AdvisorAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync(StructurePath(childminder))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/pro/accompagnements/{Guid.NewGuid()}")).StatusCode);
    }
}

internal static class StaffingAssert
{
    public static void Redirect(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Redirection attendue, reçu {(int)response.StatusCode}");
}
