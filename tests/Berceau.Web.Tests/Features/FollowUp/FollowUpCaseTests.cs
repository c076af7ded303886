using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.FollowUp.FollowUpTestData;

namespace Berceau.Web.Tests.Features.FollowUp;

/// <summary>An agent of the guichet opens a case, logs what is done, plans the next action, closes it with an outcome and reopens it.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class FollowUpCaseTests(BerceauApp app)
{
    private static (string, string)[] Form(string prefix, int version, params (string Name, string Value)[] fields) =>
        [($"{prefix}.Version", V(version)), .. fields.Select(f => ($"{prefix}.{f.Name}", f.Value))];

    private Task<HttpResponseMessage> PostAsync(HttpClient agent, Guid id, string handler, params (string, string)[] fields) =>
        Forms.PostFormToAsync(agent, Path(id), $"{Path(id)}?handler={handler}", fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task Open_FromTheApplicationFile_WithAReason_CreatesTheCase_AndTheFileLinksToIt()
    {
        var application = await app.ApplicationAsync(null);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villetaneuse);

        var file = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{application}"));
        using var opened = await Forms.PostFormAsync(agent, FollowUpFeature.OpenPath(application), ("Input.Reason", "Reprise d’emploi en janvier, aucune place."));
        var id = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/')[^1]);
        var page = await Forms.TextAsync(await agent.GetAsync(Path(id)));
        var fileAfter = await Forms.TextAsync(await agent.GetAsync($"/pro/demandes/{application}"));
        var list = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.WorklistPath));

        Assert.Contains("Ouvrir un suivi « zéro sans solution »", file);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var stored = await app.StoredCaseAsync(id);
        Assert.Equal(FollowUpOrigin.Agent, stored.Origin);
        Assert.Equal(FollowUpStatus.Open, stored.Status);
        Assert.Equal("Reprise d’emploi en janvier, aucune place.", Assert.Single(stored.Actions).Note);
        Assert.Contains("Le suivi est ouvert.", page);
        Assert.Contains("Reprise d’emploi en janvier", page);
        Assert.Contains(Path(id), fileAfter);
        Assert.Contains(Path(id), list);
        Assert.Equal([FollowUpAudit.Opened, FollowUpAudit.Read], (await app.CaseAuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Open_WithoutReason_OrTwice_IsRefusedWithAMessage_AndNothingChanges()
    {
        var application = await app.ApplicationAsync(null);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villetaneuse);

        using var noReason = await Forms.PostFormAsync(agent, FollowUpFeature.OpenPath(application), ("Input.Reason", " "));
        var afterNoReason = await app.CasesOfAsync(application);
        using var first = await Forms.PostFormAsync(agent, FollowUpFeature.OpenPath(application), ("Input.Reason", "Famille sans solution"));
        var openPage = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.OpenPath(application)));
        using var second = await Forms.PostFormToAsync(agent, $"/pro/demandes/{application}", FollowUpFeature.OpenPath(application),
            [KeyValuePair.Create("Input.Reason", "Deuxième ouverture")]);

        Assert.Equal("Indiquez le motif (5 caractères au moins).", Assert.Single(await Forms.ErrorSummaryAsync(noReason)));
        Assert.Empty(afterNoReason);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Cette famille a déjà un suivi ouvert", openPage);
        Assert.Equal("Cette famille a déjà un suivi ouvert : travaillez sur celui-ci.", Assert.Single(await Forms.ErrorSummaryAsync(second)));
        Assert.Single(await app.CasesOfAsync(application));
    }

    [Fact]
    public async Task WorkingACase_LogsEachAction_PlansTheNext_ClosesWithAnOutcome_AndReopensWithAReason()
    {
        var id = await app.CaseAsync(await app.ApplicationAsync(null));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villetaneuse);

        using var planned = await PostAsync(agent, id, "Plan", Form("Plan", 0, ("Step", "Call"), ("Due", "2026-11-25")));
        var withPlan = await app.StoredCaseAsync(id);
        using var called = await PostAsync(agent, id, "Action", Form("Action", 1, ("Kind", "Call"), ("On", "2026-11-23"), ("Note", "Jointe, cherche toujours.")));
        var afterCall = await app.StoredCaseAsync(id);
        using var solution = await PostAsync(agent, id, "Action", Form("Action", 2, ("Kind", "SolutionFound"), ("On", "2026-11-22"), ("Note", "AM rue des Lilas")));
        using var closed = await PostAsync(agent, id, "Close", Form("Close", 3, ("Outcome", "Childminder"), ("On", "2026-11-23"), ("Note", "")));
        var afterClose = await app.StoredCaseAsync(id);
        var closedPage = await Forms.TextAsync(await agent.GetAsync(Path(id)));
        using var reopened = await PostAsync(agent, id, "Reopen", Form("Reopen", 4, ("Reason", "La solution n’a pas tenu.")));
        var afterReopen = await app.StoredCaseAsync(id);

        Assert.All([planned, called, solution, closed, reopened], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal((FollowUpStep.Call, new DateOnly(2026, 11, 25)), (withPlan.NextStep!.Value, withPlan.NextStepDue!.Value));
        Assert.Null(afterCall.NextStep);  // the planned call was made
        Assert.Equal(FollowUpStatus.Closed, afterClose.Status);
        Assert.Equal(FollowUpOutcome.Childminder, afterClose.Outcome);
        Assert.Equal(new DateOnly(2026, 11, 22), afterClose.SolutionOn);  // the day the solution was found, not the closing day
        Assert.Contains("Assistant·e maternel·le", closedPage);
        Assert.Contains("Rouvrir le suivi", closedPage);
        Assert.Equal(FollowUpStatus.Open, afterReopen.Status);
        Assert.Null(afterReopen.SolutionOn);
        Assert.Null(afterReopen.Outcome);
        Assert.Equal([FollowUpActionKind.Call, FollowUpActionKind.SolutionFound, FollowUpActionKind.Closed, FollowUpActionKind.Reopened],
            afterReopen.Actions.OrderBy(a => a.At).ThenBy(a => a.Kind).Select(a => a.Kind));
        Assert.Equal([FollowUpAudit.Planned, FollowUpAudit.ActionRecorded, FollowUpAudit.ActionRecorded, FollowUpAudit.Closed, FollowUpAudit.Reopened],
            (await app.CaseAuditAsync(id)).Select(a => a.Action).Where(a => a != FollowUpAudit.Read));
    }

    [Fact]
    public async Task EachForm_WithBadInput_SaysWhatIsWrong_AndChangesNothing()
    {
        var id = await app.CaseAsync(await app.ApplicationAsync(null));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villetaneuse);

        var noKind = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Action", Form("Action", 0, ("On", "2026-11-30"))));
        var noNote = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Action", Form("Action", 0, ("Kind", "SolutionFound"), ("On", "2026-11-20"))));
        var badDate = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Action", Form("Action", 0, ("Kind", "Call"), ("On", "demain"))));
        var future = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Action", Form("Action", 0, ("Kind", "Appointment"), ("On", "2026-12-01"))));
        var plan = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Plan", Form("Plan", 0, ("Due", "2026-11-01"))));
        var close = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Close", Form("Close", 0, ("Outcome", "Lottery"), ("On", "2026-11-23"))));
        var reopenOpen = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Reopen", Form("Reopen", 0, ("Reason", "Pour voir"))));
        var stale = await Forms.ErrorSummaryAsync(await PostAsync(agent, id, "Action", Form("Action", 7, ("Kind", "Call"), ("On", "2026-11-23"))));

        Assert.Equal("Choisissez ce que vous avez fait : appel, rendez-vous ou solution trouvée.", Assert.Single(noKind));
        Assert.Contains(noNote, e => e.StartsWith("Décrivez la solution trouvée", StringComparison.Ordinal));
        Assert.Equal("Saisissez une date valide, par exemple 01/09/2026.", Assert.Single(badDate));
        Assert.Equal("La date ne peut pas être dans le futur.", Assert.Single(future));
        Assert.Equal(["Choisissez la prochaine action.", "La date prévue ne peut pas être passée."], plan);
        Assert.Equal("Choisissez l’issue du suivi pour le clore.", Assert.Single(close));
        Assert.Equal("Ce suivi est déjà ouvert.", Assert.Single(reopenOpen));
        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(stale));
        var stored = await app.StoredCaseAsync(id);
        Assert.Empty(stored.Actions);
        Assert.Equal((0, FollowUpStatus.Open, (FollowUpStep?)null), (stored.Version, stored.Status, stored.NextStep));
    }

    [Fact]
    public async Task Worklist_ShowsAgeOriginChildAndNextAction_FiltersOverdueAndOrigin_AndRefusesACommuneOutsideTheTerritory()
    {
        var overdue = await app.CaseAsync(await app.ApplicationAsync(null), daysAgo: 40, origin: FollowUpOrigin.Commission,
            then: c => c.Plan(FollowUpStep.Call, Today.AddDays(-20), Today.AddDays(-30)));
        var planned = await app.CaseAsync(await app.ApplicationAsync(null), daysAgo: 5,
            then: c => c.Plan(FollowUpStep.Appointment, Today.AddDays(3), Today.AddDays(-5)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villetaneuse);

        var all = await Forms.TextAsync(await agent.GetAsync("/pro/suivi?Commune=93079&Tri=echeance"));
        var late = await Forms.TextAsync(await agent.GetAsync("/pro/suivi?EnRetard=true"));
        var byAgent = await Forms.TextAsync(await agent.GetAsync("/pro/suivi?Origine=Agent"));
        var outside = await agent.GetAsync($"/pro/suivi?Commune={Neuilly}");

        Assert.Contains(Path(overdue), all);
        Assert.Contains(Path(planned), all);
        Assert.Contains("40 jours", all);
        Assert.Contains("8 mois", all);  // born 1 March 2026, on 23 November 2026
        Assert.Contains("04/01/2027", all);
        Assert.Contains("Recevoir la famille en rendez-vous", all);
        Assert.Contains("En retard", all);
        Assert.True(all.IndexOf(Path(overdue), StringComparison.Ordinal) < all.IndexOf(Path(planned), StringComparison.Ordinal));
        Assert.Contains(Path(overdue), late);
        Assert.DoesNotContain(Path(planned), late);
        Assert.Contains(Path(planned), byAgent);
        Assert.DoesNotContain(Path(overdue), byAgent);
        Assert.Equal("Choisissez une commune de votre territoire.", Assert.Single(await Forms.ErrorSummaryAsync(outside)));
    }
}
