using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Decisions;

/// <summary>
/// What becomes of a family that refuses an offer or lets it expire (RULES §5: keep the application on the waiting list), in
/// La Courneuve (93027), a commune no other test class uses. The scene is <see cref="Scene"/>'s: High gets A, Low gets B (its
/// second wish), Middle then Low then Last wait for A.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public class DeclinedOfferTests(BerceauApp app)
{
    public const string Commune = "93027";

    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    private Task<List<PlaceOffer>> OffersOfAsync(Family family) =>
        DbAsync(db => db.PlaceOffers.Where(o => o.ApplicationId == family.Application.Id).ToListAsync());

    private Task<ApplicationStatus> StatusOfAsync(Family family) =>
        DbAsync(db => db.Applications.Where(a => a.Id == family.Application.Id).Select(a => a.Status).SingleAsync());

    private Task<OfferPass> RunJobAsync() => app.Services.GetRequiredService<OfferJob>().RunOnceAsync();

    private Task<List<string>> NotificationsOfAsync(Family family) =>
        DbAsync(db => db.Notifications.Where(n => n.UserId == family.UserId).Select(n => n.Body).ToListAsync());

    private Task ExpireOffersOfAsync(Family family) =>
        DbAsync(db => db.PlaceOffers.Where(o => o.ApplicationId == family.Application.Id && o.Status == OfferStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Deadline, new DateOnly(2026, 11, 22))));

    [Fact]
    public async Task ARefusal_ByDefault_KeepsTheApplicationOnTheWaitingList_ForItsOtherWishes_AndTheFamilyIsToldSo()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.Automatic, Commune);

        var refused = await Scene.AnswerAsync(scene.Low, OfferActions.Refuse, "Trop loin de chez nous.");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(scene.Low));
        Assert.Equal(OfferStatus.Refused, Assert.Single(await OffersOfAsync(scene.Low)).Status);
        var decision = await Forms.TextAsync(await scene.Low.Client.GetAsync($"/famille/demandes/{scene.Low.Id}/decision"));
        Assert.Contains("votre demande reste sur la liste d’attente", decision);
        Assert.Contains(PlaceOffer.BackOnWaitlistAfterRefusal, decision);
        var timeline = await Forms.TextAsync(await scene.Low.Client.GetAsync($"/famille/demandes/{scene.Low.Id}"));
        Assert.Contains("Place refusée : Trop loin de chez nous.", timeline);
        Assert.Contains(await NotificationsOfAsync(scene.Low), n => n.Contains("« Liste d’attente »") && n.Contains(PlaceOffer.BackOnWaitlistAfterRefusal));

        // Its first wish, A, is still open to it: when High and then Middle refuse A, Low (2nd on A's list) is offered A.
        await Scene.AnswerAsync(scene.High, OfferActions.Refuse);
        await RunJobAsync();
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Middle));
        await Scene.AnswerAsync(scene.Middle, OfferActions.Refuse);
        await RunJobAsync();

        var offers = await OffersOfAsync(scene.Low);
        Assert.Equal(2, offers.Count);
        Assert.Contains(offers, o => o.FacilityId == scene.A.Id && o.Status == OfferStatus.Proposed);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Low));
        // Those who refused A are never offered A again, though they wait on the list.
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(scene.Middle));
        Assert.Single(await OffersOfAsync(scene.Middle));
        Assert.Single(await OffersOfAsync(scene.High));
    }

    [Fact]
    public async Task AnUnansweredOffer_ByDefault_GoesBackToTheWaitingList_ForTheNextCommission_AndIsNotOfferedAgainMeanwhile()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.Automatic, Commune);
        await ExpireOffersOfAsync(scene.Low);
        await Scene.AnswerAsync(scene.High, OfferActions.Refuse);
        var pass = await RunJobAsync();
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Middle));
        await Scene.AnswerAsync(scene.Middle, OfferActions.Refuse);
        await RunJobAsync();

        Assert.True(pass.Expired >= 1);
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(scene.Low));
        Assert.Equal(OfferStatus.Expired, Assert.Single(await OffersOfAsync(scene.Low)).Status);
        // Low waits for A (2nd) but did not answer this session's offer: A goes to Last, not to Low.
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Last));
        Assert.Contains(await NotificationsOfAsync(scene.Low), n => n.Contains(PlaceOffer.BackOnWaitlistAfterExpiry));
        var letter = await Forms.TextAsync(await scene.Low.Client.GetAsync($"/famille/demandes/{scene.Low.Id}/decision"));
        Assert.Contains(PlaceOffer.BackOnWaitlistAfterExpiry, letter);

        // The next commission of the commune freezes it, with the families that refused.
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Commune);
        var next = await app.CreateSessionAsync(scene.Agent, presidentEmail, [], scene.A, scene.B);
        await DeclareAsync(scene.Agent, next, (scene.A, 1), (scene.B, 1));
        var frozen = await PostReviewAsync(president, next, "Freeze");
        Assert.True(frozen.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", await Forms.ErrorSummaryAsync(frozen)));

        var entries = await DbAsync(db => db.CommissionEntries.Where(e => e.SessionId == new CommissionSessionId(next)).Select(e => e.ApplicationId).ToListAsync());
        Assert.Contains(scene.Low.Application.Id, entries);
        Assert.Contains(scene.High.Application.Id, entries);
        Assert.Contains(scene.Middle.Application.Id, entries);
        Assert.DoesNotContain(scene.Last.Application.Id, entries);
        Assert.Equal(ApplicationStatus.InCommittee, await StatusOfAsync(scene.Low));
    }

    [Fact]
    public async Task UnderTheCommunesEndRule_ARefusalEndsTheApplication_AndNoAnswerLapsesIt()
    {
        var (admin, _) = await app.StaffAsync(Roles.Admin, Commune);
        var settings = $"/pro/guichet/{Commune}";
        try
        {
            var page = await Forms.TextAsync(await admin.GetAsync(settings));
            Assert.Contains("Quand une famille refuse une place proposée par la commission", page);
            var bad = await Forms.PostFormAsync(admin, settings, ("Input.MaxWishes", "6"), ("Input.AfterDeclinedOffer", "1"));
            Assert.Contains("Choisissez ce que devient une demande après un refus ou sans réponse.", await Forms.ErrorSummaryAsync(bad));
            var saved = await Forms.PostFormAsync(admin, settings, ("Input.MaxWishes", "6"), ("Input.AfterDeclinedOffer", nameof(DeclinedOfferRule.EndApplication)));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            var scene = await Scene.PublishedAsync(app, ReattributionMode.AgentConfirms, Commune);
            await Scene.AnswerAsync(scene.Low, OfferActions.Refuse);
            await ExpireOffersOfAsync(scene.High);
            await RunJobAsync();

            Assert.Equal(ApplicationStatus.Declined, await StatusOfAsync(scene.Low));
            Assert.Equal(ApplicationStatus.Lapsed, await StatusOfAsync(scene.High));
            Assert.Contains(await NotificationsOfAsync(scene.High), n => n.Contains(PlaceOffer.LapsedAfterExpiry));
            var letter = await Forms.TextAsync(await scene.Low.Client.GetAsync($"/famille/demandes/{scene.Low.Id}/decision"));
            Assert.Contains("Conformément au règlement de la commune, votre demande prend fin.", letter);
        }
        finally
        {
            var reset = await Forms.PostFormAsync(admin, settings, ("Input.MaxWishes", "6"), ("Input.AfterDeclinedOffer", nameof(DeclinedOfferRule.KeepOnWaitlist)));
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }
    }
}
