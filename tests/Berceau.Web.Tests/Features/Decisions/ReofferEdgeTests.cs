using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Decisions;

/// <summary>
/// The edge cases of the reattribution of released seats (docs/commission.md, « Une place à un vœu mieux classé » and « La
/// réattribution des places libérées »), end to end through the pages and the automatic job, in Stains (93072): a family with
/// an unanswered offer is skipped and the next one gets the seat; several seats released in one pass go to distinct
/// families; a family that went on to another commission is skipped; a chain of two replacements.
/// Scores: two working parents 62, one working parent alone 52, two job seekers 42, one job seeker 22, no work 2.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class ReofferEdgeTests(BerceauApp app)
{
    private const string Commune = "93072";
    private static readonly GuardianSituation[] TwoWorking = [GuardianSituation.Employed, GuardianSituation.Employed];
    private static readonly GuardianSituation[] OneAlone = [GuardianSituation.Employed];
    private static readonly GuardianSituation[] TwoSeekers = [GuardianSituation.JobSeeker, GuardianSituation.JobSeeker];
    private static readonly GuardianSituation[] OneSeeker = [GuardianSituation.JobSeeker, GuardianSituation.Other];
    private static readonly GuardianSituation[] NoWork = [GuardianSituation.Other, GuardianSituation.Other];

    private sealed record Published(Guid Session, HttpClient Agent, HttpClient President);

    /// <summary>A session over <paramref name="seats"/> (crèche, seats), frozen, run, validated and published in automatic mode.</summary>
    private async Task<Published> PublishAsync(params (Facility Creche, int Seats)[] seats)
    {
        var (agent, _) = await app.StaffAsync(Roles.Agent, Commune);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Commune);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], [.. seats.Select(s => s.Creche)]);
        await DeclareAsync(agent, session, seats);
        foreach (var handler in new[] { "Freeze", "Validate" })
        {
            var response = await PostReviewAsync(president, session, handler);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, handler + " : " + string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
        }
        var published = await Forms.PostFormAsync(agent, $"/pro/commissions/{session}/publication", ("Input.OfferDays", "10"),
            ("Input.Mode", nameof(ReattributionMode.Automatic)));
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(published)));
        return new Published(session, agent, president);
    }

    private Task<Family> FamilyAsync(string child, GuardianSituation[] parents, params Facility[] wishes) => Scene.FamilyAsync(app, child, parents, wishes);

    private Task<List<PlaceOffer>> OffersOfAsync(Family family) =>
        app.WithDbAsync(db => db.PlaceOffers.Where(o => o.ApplicationId == family.Application.Id).ToListAsync());

    private Task<ApplicationStatus> StatusOfAsync(Family family) =>
        app.WithDbAsync(db => db.Applications.Where(a => a.Id == family.Application.Id).Select(a => a.Status).SingleAsync());

    private Task<OfferPass> RunJobAsync() => app.Services.GetRequiredService<OfferJob>().RunOnceAsync();

    private static async Task AnswerAsync(Family family, string choice)
    {
        var response = await Scene.AnswerAsync(family, choice);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
    }

    /// <summary>
    /// No seat held by two offers, and no family holding two offers in one section, nor two unanswered offers at once.
    /// </summary>
    private async Task AssertOneOfferPerSeatAndFamilyAsync(Guid session)
    {
        var offers = await app.WithDbAsync(db => db.PlaceOffers.Where(o => o.SessionId == new CommissionSessionId(session)).ToListAsync());
        var holding = offers.Where(o => o.SeatKey != null).ToList();
        Assert.Equal(holding.Count, holding.Select(o => (o.SectionId, o.Seat)).Distinct().Count());
        Assert.Equal(holding.Count, holding.Select(o => (o.ApplicationId, o.SectionId)).Distinct().Count());
        Assert.All(offers.GroupBy(o => o.ApplicationId), g => Assert.True(g.Count(o => o.Status == OfferStatus.Proposed) <= 1));
    }

    private static PlaceOffer At(IEnumerable<PlaceOffer> offers, Facility creche) => Assert.Single(offers, o => o.FacilityId == creche.Id);

    [Fact]
    public async Task AFamilyWithAnUnansweredOffer_IsSkipped_AndTheNextFamilyGetsTheSeat()
    {
        await app.EnsureGridAsync(Commune);
        var a = await app.CrecheAsync("A", Commune);
        var b = await app.CrecheAsync("B", Commune);
        // A: First (62); B: Second (52 at A, its 2nd wish B); Third (22) waits for A behind Second.
        var first = await FamilyAsync("Première", TwoWorking, a);
        var second = await FamilyAsync("Deuxième", OneAlone, a, b);
        var third = await FamilyAsync("Troisième", OneSeeker, a);
        var session = await PublishAsync((a, 1), (b, 1));
        Assert.Equal(b.Id, Assert.Single(await OffersOfAsync(second)).FacilityId);

        await AnswerAsync(first, OfferActions.Refuse);
        var pass = await RunJobAsync();

        // Second has not answered its offer at B: it is skipped for A, which goes to Third, next in line.
        Assert.Equal(1, pass.Reattributed);
        var offer = Assert.Single(await OffersOfAsync(third));
        Assert.Equal((a.Id, OfferStatus.Proposed, 1), (offer.FacilityId, offer.Status, offer.Round));
        Assert.Equal(OfferStatus.Proposed, Assert.Single(await OffersOfAsync(second)).Status);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(third));
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);
        Assert.Equal(0, (await RunJobAsync()).Reattributed);
    }

    [Fact]
    public async Task SeveralSeatsReleasedInOnePass_GoToDistinctFamilies_NeverTwoOffersForASeatOrForAFamily()
    {
        await app.EnsureGridAsync(Commune);
        var a = await app.CrecheAsync("A", Commune);
        var b = await app.CrecheAsync("B", Commune);
        // A (2 seats): Haute and Grande (62); B (1 seat): Bêta (62). Both A and B's waiting lists: Seek (42), then Lone (22).
        var high = await FamilyAsync("Haute", TwoWorking, a);
        var tall = await FamilyAsync("Grande", TwoWorking, a);
        var beta = await FamilyAsync("Bêta", TwoWorking, b);
        var seek = await FamilyAsync("Seek", TwoSeekers, a, b);
        var lone = await FamilyAsync("Lone", OneSeeker, a, b);
        var session = await PublishAsync((a, 2), (b, 1));

        // Three seats released before the job passes: both of A and the one of B.
        foreach (var family in new[] { high, tall, beta })
            await AnswerAsync(family, OfferActions.Refuse);
        var pass = await RunJobAsync();

        // A's two seats go to Seek and Lone, one each; B's seat finds nobody left waiting: no family is offered two places.
        Assert.Equal(2, pass.Reattributed);
        Assert.Equal(a.Id, Assert.Single(await OffersOfAsync(seek)).FacilityId);
        Assert.Equal(a.Id, Assert.Single(await OffersOfAsync(lone)).FacilityId);
        Assert.Equal([1, 2], (await OffersOfAsync(seek)).Concat(await OffersOfAsync(lone)).Select(o => o.Seat).Order());
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);
        var page = await Forms.TextAsync(await session.Agent.GetAsync($"/pro/commissions/{session.Session}/propositions"));
        Assert.Contains($"{b.Name} – Bébés, place n° 1 (libérée)", page);
        Assert.Equal(0, (await RunJobAsync()).Reattributed);

        // Seek refuses A and is back on the waiting list: A's seat finds nobody (Seek refused A, Lone holds an offer), while B's
        // seat, free since the first pass, now goes to Seek, first in B's line.
        await AnswerAsync(seek, OfferActions.Refuse);
        Assert.Equal(1, (await RunJobAsync()).Reattributed);
        Assert.Equal(OfferStatus.Proposed, At(await OffersOfAsync(seek), b).Status);
        Assert.Single(await OffersOfAsync(lone));
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);
    }

    [Fact]
    public async Task AFamilyThatWentOnToAnotherCommission_IsSkipped_EvenBackOnTheWaitingList()
    {
        await app.EnsureGridAsync(Commune);
        var a = await app.CrecheAsync("A", Commune);
        var b = await app.CrecheAsync("B", Commune);
        // Session 1: A to First; B to Second (its 2nd wish). A's waiting list: Middle (52), Second (holds B), Last (2).
        var first = await FamilyAsync("Première", TwoWorking, a);
        var middle = await FamilyAsync("Moyenne", OneAlone, a);
        var second = await FamilyAsync("Deuxième", OneSeeker, a, b);
        var last = await FamilyAsync("Dernière", NoWork, a);
        var session = await PublishAsync((a, 1), (b, 1));
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(middle));

        // Session 2 over A (no seat) and D (one seat nobody asks for): Middle and Last, on the waiting list, go on to it, and
        // come back to the waiting list.
        var d = await app.CrecheAsync("D", Commune);
        var next = await PublishAsync((a, 0), (d, 1));
        foreach (var family in new[] { middle, last })
        {
            Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(family));
            Assert.True(await app.WithDbAsync(db => db.CommissionEntries.AnyAsync(e => e.SessionId == new CommissionSessionId(next.Session) && e.ApplicationId == family.Application.Id)));
        }

        await AnswerAsync(first, OfferActions.Refuse);
        Assert.Equal(0, (await RunJobAsync()).Reattributed);

        // Middle and Last belong to session 2's waiting list now; Second has not answered B yet: A stays free in session 1.
        Assert.Empty(await OffersOfAsync(middle));
        Assert.Empty(await OffersOfAsync(last));
        var page = await Forms.TextAsync(await session.Agent.GetAsync($"/pro/commissions/{session.Session}/propositions"));
        Assert.Contains("Aucune famille en attente pour cette section", page);

        // Second accepts B: it is still in session 1's line for A, its better wish, and is offered it.
        await AnswerAsync(second, OfferActions.Accept);
        Assert.Equal(1, (await RunJobAsync()).Reattributed);
        Assert.Equal(OfferStatus.Proposed, At(await OffersOfAsync(second), a).Status);
        Assert.Empty(await OffersOfAsync(middle));
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);
    }

    [Fact]
    public async Task AChainOfTwoReplacements_MovesOneSeatAtATime_AndEndsWithTheWaitingFamily()
    {
        await app.EnsureGridAsync(Commune);
        var a = await app.CrecheAsync("A", Commune);
        var b = await app.CrecheAsync("B", Commune);
        var c = await app.CrecheAsync("C", Commune);
        // A to Une (62); B to Deux (52 at A, 2nd wish B); C to Trois (42 at B, 2nd wish C); Quatre (2) waits for C.
        var one = await FamilyAsync("Une", TwoWorking, a);
        var two = await FamilyAsync("Deux", OneAlone, a, b);
        var three = await FamilyAsync("Trois", TwoSeekers, b, c);
        var four = await FamilyAsync("Quatre", NoWork, c);
        var session = await PublishAsync((a, 1), (b, 1), (c, 1));
        foreach (var family in new[] { two, three })
            await AnswerAsync(family, OfferActions.Accept);

        await AnswerAsync(one, OfferActions.Refuse);
        Assert.Equal(1, (await RunJobAsync()).Reattributed);
        Assert.Equal(OfferStatus.Proposed, At(await OffersOfAsync(two), a).Status);
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);

        // First replacement: Deux takes A, B is released in the same save and offered to Trois at the next pass.
        await AnswerAsync(two, OfferActions.Accept);
        Assert.Equal((OfferStatus.Accepted, OfferStatus.Replaced), (At(await OffersOfAsync(two), a).Status, At(await OffersOfAsync(two), b).Status));
        Assert.Equal(1, (await RunJobAsync()).Reattributed);
        Assert.Equal(OfferStatus.Proposed, At(await OffersOfAsync(three), b).Status);
        Assert.Equal(OfferStatus.Accepted, At(await OffersOfAsync(three), c).Status);
        Assert.Empty(await OffersOfAsync(four));
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);

        // Second replacement: Trois takes B, C is released and goes to Quatre, who was waiting.
        await AnswerAsync(three, OfferActions.Accept);
        Assert.Equal(1, (await RunJobAsync()).Reattributed);
        Assert.Equal((OfferStatus.Accepted, OfferStatus.Replaced), (At(await OffersOfAsync(three), b).Status, At(await OffersOfAsync(three), c).Status));
        var offer = Assert.Single(await OffersOfAsync(four));
        Assert.Equal((c.Id, OfferStatus.Proposed, 1), (offer.FacilityId, offer.Status, offer.Round));
        await AssertOneOfferPerSeatAndFamilyAsync(session.Session);
        Assert.Equal(0, (await RunJobAsync()).Reattributed);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == DecisionAudit.Replaced).Select(e => e.EntityId).ToListAsync());
        Assert.Contains(At(await OffersOfAsync(two), b).Id.ToString(), audit);
        Assert.Contains(At(await OffersOfAsync(three), c).Id.ToString(), audit);
    }
}
