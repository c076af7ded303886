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
/// A family placed at a wish it ranked lower is offered its better wish when a seat frees there, in priority order, as the
/// engine's deferred acceptance would; accepting releases its place for the next family, and so on (a chain). In La Courneuve
/// (93027). Three crèches with one seat each: First (A) gets A; Second (A, B) gets B; Third (B, C) gets C; Fourth (C) waits.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public class BetterWishTests(BerceauApp app)
{
    private sealed record Chain(Guid Session, HttpClient Agent, Facility A, Facility B, Facility C, Family First, Family Second, Family Third, Family Fourth);

    private async Task<Chain> PublishedAsync(ReattributionMode mode)
    {
        const string commune = DeclinedOfferTests.Commune;
        await app.EnsureGridAsync(commune);
        var a = await app.CrecheAsync("A", commune);
        var b = await app.CrecheAsync("B", commune);
        var c = await app.CrecheAsync("C", commune);
        var (agent, _) = await app.StaffAsync(Roles.Agent, commune);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, commune);
        var first = await Scene.FamilyAsync(app, "Première", [GuardianSituation.Employed, GuardianSituation.Employed], a);
        var second = await Scene.FamilyAsync(app, "Deuxième", [GuardianSituation.Employed], a, b);
        var third = await Scene.FamilyAsync(app, "Troisième", [GuardianSituation.JobSeeker, GuardianSituation.Other], b, c);
        var fourth = await Scene.FamilyAsync(app, "Quatrième", [GuardianSituation.Other, GuardianSituation.Other], c);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], a, b, c);
        await DeclareAsync(agent, session, (a, 1), (b, 1), (c, 1));
        foreach (var handler in new[] { "Freeze", "Validate" })
        {
            var response = await PostReviewAsync(president, session, handler);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, handler + " : " + string.Join(" | ", await Forms.ErrorSummaryAsync(response)));
        }
        var published = await Forms.PostFormAsync(agent, $"/pro/commissions/{session}/publication", ("Input.OfferDays", "10"), ("Input.Mode", mode.ToString()));
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(published)));
        return new Chain(session, agent, a, b, c, first, second, third, fourth);
    }

    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    private Task<List<PlaceOffer>> OffersOfAsync(Family family) =>
        DbAsync(db => db.PlaceOffers.Where(o => o.ApplicationId == family.Application.Id).ToListAsync());

    private Task<ApplicationStatus> StatusOfAsync(Family family) =>
        DbAsync(db => db.Applications.Where(a => a.Id == family.Application.Id).Select(a => a.Status).SingleAsync());

    private Task<OfferPass> RunJobAsync() => app.Services.GetRequiredService<OfferJob>().RunOnceAsync();

    /// <summary>Every seat of the session is held by one offer at most: the database's unique key, checked from the data.</summary>
    private async Task AssertNoSeatHeldTwiceAsync(Chain chain)
    {
        var holding = await DbAsync(db => db.PlaceOffers.Where(o => o.SessionId == new CommissionSessionId(chain.Session) && o.SeatKey != null)
            .Select(o => new { o.SectionId, o.Seat }).ToListAsync());
        Assert.Equal(holding.Count, holding.Distinct().Count());
        Assert.All(holding, h => Assert.Equal(1, h.Seat));
    }

    private static PlaceOffer At(IEnumerable<PlaceOffer> offers, Facility creche) => Assert.Single(offers, o => o.FacilityId == creche.Id);

    [Fact]
    public async Task AFreedSeat_GoesToTheFamilyPlacedAtALowerWish_AndEachAcceptedBetterWish_ReleasesTheNextSeat_DownTheChain()
    {
        var chain = await PublishedAsync(ReattributionMode.Automatic);
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(chain.Fourth));
        foreach (var family in new[] { chain.Second, chain.Third })
            Assert.Equal(HttpStatusCode.Redirect, (await Scene.AnswerAsync(family, OfferActions.Accept)).StatusCode);

        // First refuses A: Second, 1st on A's list, placed at its 2nd wish, is offered A and keeps B meanwhile.
        await Scene.AnswerAsync(chain.First, OfferActions.Refuse);
        await RunJobAsync();
        var second = await OffersOfAsync(chain.Second);
        Assert.Equal((OfferStatus.Proposed, 1), (At(second, chain.A).Status, At(second, chain.A).Round));
        Assert.Equal(OfferStatus.Accepted, At(second, chain.B).Status);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(chain.Second));
        var page = await Forms.TextAsync(await chain.Second.Client.GetAsync($"/famille/demandes/{chain.Second.Id}/decision"));
        Assert.Contains("une crèche que vous aviez mieux classée", page);
        Assert.Contains("Si vous refusez cette place ou ne répondez pas, vous gardez votre place à", page);
        Assert.Contains("Accepter la place", page);
        // B is still held: nobody else is offered it, and A is not offered twice.
        Assert.Empty(await OffersOfAsync(chain.Fourth));
        Assert.Equal(0, (await RunJobAsync()).Reattributed);
        await AssertNoSeatHeldTwiceAsync(chain);

        // Second accepts A: B is released, Third (1st on B's list, placed at its 2nd wish C) is offered B.
        Assert.Equal(HttpStatusCode.Redirect, (await Scene.AnswerAsync(chain.Second, OfferActions.Accept)).StatusCode);
        second = await OffersOfAsync(chain.Second);
        Assert.Equal((OfferStatus.Accepted, OfferStatus.Replaced, (string?)null), (At(second, chain.A).Status, At(second, chain.B).Status, At(second, chain.B).SeatKey));
        Assert.Equal(ApplicationStatus.Accepted, await StatusOfAsync(chain.Second));
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.EntityId == At(second, chain.B).Id.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == DecisionAudit.Replaced);
        await RunJobAsync();
        Assert.Equal(OfferStatus.Proposed, At(await OffersOfAsync(chain.Third), chain.B).Status);
        await AssertNoSeatHeldTwiceAsync(chain);

        // Third accepts B: C is released and goes to Fourth, who was waiting.
        await Scene.AnswerAsync(chain.Third, OfferActions.Accept);
        await RunJobAsync();
        var third = await OffersOfAsync(chain.Third);
        Assert.Equal((OfferStatus.Accepted, OfferStatus.Replaced), (At(third, chain.B).Status, At(third, chain.C).Status));
        Assert.Equal(OfferStatus.Proposed, At(await OffersOfAsync(chain.Fourth), chain.C).Status);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(chain.Fourth));
        await AssertNoSeatHeldTwiceAsync(chain);
        Assert.Equal(0, (await RunJobAsync()).Reattributed);
    }

    [Fact]
    public async Task RefusingTheBetterWish_KeepsTheAcceptedPlace_AndTheSeatGoesOnDownTheList()
    {
        var chain = await PublishedAsync(ReattributionMode.AgentConfirms);
        await Scene.AnswerAsync(chain.Second, OfferActions.Accept);
        await Scene.AnswerAsync(chain.First, OfferActions.Refuse);

        // The offers page names Second as the family A would go to; the agent confirms.
        var path = $"/pro/commissions/{chain.Session}/propositions";
        Assert.Contains("Deuxième Test (", await Forms.TextAsync(await chain.Agent.GetAsync(path)));
        var offered = await Forms.PostFormToAsync(chain.Agent, path, $"{path}?handler=Offer&section={chain.A.Sections[0].Id}&seat=1", []);
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var twice = await Forms.PostFormToAsync(chain.Agent, path, $"{path}?handler=Offer&section={chain.A.Sections[0].Id}&seat=1", []);
        Assert.Contains("Cette place n’est pas libre", Assert.Single(await Forms.ErrorSummaryAsync(twice)));

        var refused = await Scene.AnswerAsync(chain.Second, OfferActions.Refuse, "Nous restons à la crèche B.");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var second = await OffersOfAsync(chain.Second);
        Assert.Equal((OfferStatus.Refused, OfferStatus.Accepted), (At(second, chain.A).Status, At(second, chain.B).Status));
        Assert.NotNull(At(second, chain.B).SeatKey);
        Assert.Equal(ApplicationStatus.Accepted, await StatusOfAsync(chain.Second));
        var timeline = await Forms.TextAsync(await chain.Second.Client.GetAsync($"/famille/demandes/{chain.Second.Id}"));
        Assert.Contains("Place refusée : Nous restons à la crèche B. " + PlaceOffer.KeepsAcceptedPlace, timeline);
        var decision = await Forms.TextAsync(await chain.Second.Client.GetAsync($"/famille/demandes/{chain.Second.Id}/decision"));
        Assert.Contains("Vous avez accepté cette place le", decision);
        // A frees again; Second refused A and is no longer in its line: nobody else wished A.
        Assert.Contains("Aucune famille en attente pour cette section", await Forms.TextAsync(await chain.Agent.GetAsync(path)));
        await AssertNoSeatHeldTwiceAsync(chain);
    }

    [Fact]
    public async Task AFamilyThatHasNotAcceptedItsPlaceYet_IsSkipped_ForItsBetterWish()
    {
        var chain = await PublishedAsync(ReattributionMode.Automatic);
        await Scene.AnswerAsync(chain.First, OfferActions.Refuse);

        await RunJobAsync();

        // Second has an unanswered offer at B: it answers that one first, and A has no other family waiting.
        Assert.Equal(OfferStatus.Proposed, Assert.Single(await OffersOfAsync(chain.Second)).Status);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(chain.Second));
        await AssertNoSeatHeldTwiceAsync(chain);
    }
}
