using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Features.FollowUp;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.SolutionGaps;

/// <summary>
/// The follow-up: the « solutions » letter actually sent (e-mail or printed) kept with its words and listed on the case; the
/// indicator counting families, not cases.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class FollowUpGapsTests(BerceauApp app)
{
    private const string Commune = GapsTestData.Commune;

    private static string PrintedUrl(Guid id) => FollowUpFeature.LetterPath(id) + "?handler=Printed";

    private Task<List<SentLetter>> LettersAsync(Guid caseId) =>
        app.WithDbAsync(db => db.SentLetters.AsNoTracking().Where(l => l.CaseId == new FollowUpCaseId(caseId)).ToListAsync());

    [Fact]
    public async Task Sending_KeepsTheLetterAsSent_ListsItOnTheCase_AndShowsItsWords()
    {
        var (_, email, userId) = await Accounts.SignInAsNewFamilyAsync(app);
        var id = await app.CaseAsync(await app.ApplicationAsync(userId, commune: Commune), commune: Commune);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);

        using var sent = await Forms.PostFormAsync(agent, FollowUpFeature.LetterPath(id), ("Send.Version", "0"));
        var letter = Assert.Single(await LettersAsync(id));
        var casePage = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.CasePath(id)));
        var copy = await Forms.TextAsync(await agent.GetAsync(FollowUpFeature.SentLetterPath(id, letter.Id)));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal((LetterChannel.Email, email), (letter.Channel, letter.To));
        Assert.Equal(BerceauApp.Now, letter.SentAt);
        Assert.Contains("@", await AgentEmailAsync(letter.SentBy));
        Assert.Contains("Vous cherchez un accueil pour Inès", letter.Content);
        Assert.Contains(await Mail.ReceivedAsync(app, email), m => m.Contains("Vous cherchez un accueil pour Inès", StringComparison.Ordinal));
        Assert.Contains($"href=\"{FollowUpFeature.SentLetterPath(id, letter.Id)}\"", casePage);
        Assert.Contains("E-mail et espace de la famille", casePage);
        Assert.Contains("Vous cherchez un accueil pour Inès", copy);
        Assert.Contains(email, copy);
        Assert.Contains(FollowUpAudit.SentLetterRead, (await app.CaseAuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task ThePrintedLetter_IsNoted_AndKept_ForAFamilyWithoutAccount()
    {
        var id = await app.CaseAsync(await app.ApplicationAsync(null, commune: Commune), commune: Commune);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);

        using var printed = await Forms.PostFormToAsync(agent, FollowUpFeature.LetterPath(id), PrintedUrl(id), [KeyValuePair.Create("Send.Version", "0")]);

        Assert.Equal(HttpStatusCode.Redirect, printed.StatusCode);
        var letter = Assert.Single(await LettersAsync(id));
        Assert.Equal((LetterChannel.Print, (string?)null), (letter.Channel, letter.To));
        Assert.Contains("Vous cherchez un accueil pour Inès", letter.Content);
        var stored = await app.StoredCaseAsync(id);
        Assert.Contains(stored.Actions, a => a.Kind == FollowUpActionKind.ProposalSent && a.Note!.StartsWith("Courrier imprimé", StringComparison.Ordinal));
        Assert.Contains(FollowUpAudit.LetterPrinted, (await app.CaseAuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task ThePrintedLetter_OnAStaleOrClosedCase_IsRefused_AndNothingIsKept()
    {
        var stale = await app.CaseAsync(await app.ApplicationAsync(null, commune: Commune), commune: Commune);
        var closed = await app.CaseAsync(await app.ApplicationAsync(null, commune: Commune), commune: Commune,
            then: c => Assert.True(c.Close(FollowUpOutcome.Childminder, FollowUpTestData.Today, "Chez une assistante maternelle", FollowUpTestData.Today, BerceauApp.Now, "test").IsSuccess));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);

        using var staleResponse = await Forms.PostFormToAsync(agent, FollowUpFeature.LetterPath(stale), PrintedUrl(stale), [KeyValuePair.Create("Send.Version", "7")]);
        using var closedResponse = await Forms.PostFormToAsync(agent, FollowUpFeature.LetterPath(closed), PrintedUrl(closed), [KeyValuePair.Create("Send.Version", "1")]);

        Assert.Contains("modifié par quelqu’un d’autre", Assert.Single(await Forms.ErrorSummaryAsync(staleResponse)));
        Assert.Single(await Forms.ErrorSummaryAsync(closedResponse));
        Assert.Empty(await LettersAsync(stale));
        Assert.Empty(await LettersAsync(closed));
    }

    [Fact]
    public async Task SentLetters_AreOnlyForTheAgentsOfTheCommune()
    {
        var id = await app.CaseAsync(await app.ApplicationAsync(null, commune: Commune), commune: Commune);
        var other = await app.CaseAsync(await app.ApplicationAsync(null, commune: Commune), commune: Commune);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Commune);
        using var printed = await Forms.PostFormToAsync(agent, FollowUpFeature.LetterPath(id), PrintedUrl(id), [KeyValuePair.Create("Send.Version", "0")]);
        var letter = Assert.Single(await LettersAsync(id));
        using var otherAgent = await app.SignedInAsync(Roles.Agent, commune: GapsTestData.OtherCommune);
        using var director = await app.SignedInAsync(Roles.Director, commune: Commune);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);

        using var byOtherCommune = await otherAgent.GetAsync(FollowUpFeature.SentLetterPath(id, letter.Id));
        using var printedByOtherCommune = await Forms.PostFormToAsync(otherAgent, "/pro", PrintedUrl(id), [KeyValuePair.Create("Send.Version", "1")]);
        using var byDirector = await director.GetAsync(FollowUpFeature.SentLetterPath(id, letter.Id));
        using var byFamily = await family.GetAsync(FollowUpFeature.SentLetterPath(id, letter.Id));
        using var throughAnotherCase = await agent.GetAsync(FollowUpFeature.SentLetterPath(other, letter.Id));

        Assert.Equal(HttpStatusCode.NotFound, byOtherCommune.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, printedByOtherCommune.StatusCode);
        OfferTestData.AssertForbidden(byDirector);
        OfferTestData.AssertForbidden(byFamily);
        Assert.Equal(HttpStatusCode.NotFound, throughAnotherCase.StatusCode);
        Assert.Single(await LettersAsync(id));
    }

    [Fact]
    public void PerFamily_AFamilyFollowedTwice_CountsOnce_WithASolutionWhenEveryCaseHasOne()
    {
        var opened = new DateOnly(2026, 6, 1);
        FamilyCase[] cases =
        [
            new("famille-a", new CaseTimes(Commune, opened, opened.AddDays(10))),
            new("famille-a", new CaseTimes(Commune, opened.AddDays(5), null)),
            new("famille-b", new CaseTimes(Commune, opened, opened.AddDays(20))),
            new("famille-c", new CaseTimes(Commune, opened, opened.AddDays(30))),
            new("famille-c", new CaseTimes(Commune, opened.AddDays(2), opened.AddDays(40))),
        ];

        var families = SolutionRates.PerFamily(cases);
        var rate = SolutionRates.Of(families, FollowUpTestData.Today);

        Assert.Equal(3, families.Count);
        Assert.Equal((3, 2), (rate.Cases, rate.Solved));
        // Family c: followed since 1 June, solved on 11 July when its second child had a solution: 40 days. b: 20 days.
        Assert.Equal(30m, rate.MedianDaysToSolution);
        Assert.Equal((1, 3, 1), (rate.Horizons[0].Months, rate.Horizons[0].Counted, rate.Horizons[0].Solved));
    }

    [Fact]
    public async Task TheIndicator_CountsFamilies_NotCases()
    {
        // Gournay-sur-Marne: no other test of this class opens cases there.
        const string commune = GapsTestData.OtherCommune;
        var (_, _, familyA) = await Accounts.SignInAsNewFamilyAsync(app);
        var (_, _, familyB) = await Accounts.SignInAsNewFamilyAsync(app);
        var opened = BerceauApp.Now.AddDays(-100);
        var day = DateOnly.FromDateTime(opened.UtcDateTime);
        void SolvedAfter(FollowUpCase c, int days) =>
            Assert.True(c.Record(FollowUpActionKind.SolutionFound, day.AddDays(days), "Assistante maternelle", FollowUpTestData.Today, BerceauApp.Now, "test").IsSuccess);
        await app.CaseAsync(await app.ApplicationAsync(familyA, commune: commune), commune: commune, openedAt: opened, then: c => SolvedAfter(c, 10));
        await app.CaseAsync(await app.ApplicationAsync(familyA, commune: commune), commune: commune, openedAt: opened);
        await app.CaseAsync(await app.ApplicationAsync(familyB, commune: commune), commune: commune, openedAt: opened, then: c => SolvedAfter(c, 20));

        SolutionRate? rate = null;
        await app.WithScopeAsync(async services =>
        {
            var rows = await services.GetRequiredService<FollowUpIndicators>().ForCommunesAsync([commune], FollowUpTestData.Today, default);
            rate = rows.Single(r => r.Code == commune).Rate;
        });

        Assert.Equal((2, 1), (rate!.Cases, rate.Solved));
        Assert.Equal(50m, rate.Horizons[0].Percent);
        Assert.Equal(20m, rate.MedianDaysToSolution);
    }

    private Task<string> AgentEmailAsync(string userId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());
}
