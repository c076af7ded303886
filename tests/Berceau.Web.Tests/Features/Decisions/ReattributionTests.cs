using System.Net;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Decisions;

[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public class ReattributionTests(BerceauApp app)
{
    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    private Task<List<PlaceOffer>> OffersOfAsync(Family family) =>
        DbAsync(db => db.PlaceOffers.Where(o => o.ApplicationId == family.Application.Id).ToListAsync());

    private Task<ApplicationStatus> StatusOfAsync(Family family) =>
        DbAsync(db => db.Applications.Where(a => a.Id == family.Application.Id).Select(a => a.Status).SingleAsync());

    private Task<OfferPass> RunJobAsync() => app.Services.GetRequiredService<OfferJob>().RunOnceAsync();

    [Fact]
    public async Task WhenAnAgentConfirms_TheReleasedSeat_GoesToTheNextWaitingFamily_InPriorityOrder()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.AgentConfirms);
        await Scene.AnswerAsync(scene.High, OfferActions.Refuse);

        await RunJobAsync();
        Assert.Empty(await OffersOfAsync(scene.Middle));
        var page = await Forms.TextAsync(await scene.Agent.GetAsync(scene.OffersPath));
        Assert.Contains($"{scene.A.Name} – Bébés, place n° 1 (libérée)", page);
        Assert.Contains("Moyenne Test (", page);
        Assert.Contains("52 points, 1re sur la liste d’attente", page);

        var offered = await scene.OfferSeatAsync(scene.Agent, scene.A);

        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var offer = Assert.Single(await OffersOfAsync(scene.Middle));
        Assert.Equal((OfferStatus.Proposed, 1, 1, new DateOnly(2026, 12, 3)), (offer.Status, offer.Seat, offer.Round, offer.Deadline));
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Middle));
        var letter = await Forms.TextAsync(await scene.Middle.Client.GetAsync($"/famille/demandes/{scene.Middle.Id}/decision"));
        Assert.Contains("Une place s’est libérée depuis", letter);
        Assert.Contains("Accepter la place", letter);
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == DecisionAudit.Reattributed);

        // The seat is held again: offering it once more is refused, and nobody else gets it.
        var twice = await scene.OfferSeatAsync(scene.Agent, scene.A);
        Assert.Contains("Cette place n’est pas libre", Assert.Single(await Forms.ErrorSummaryAsync(twice)));
        Assert.Empty(await OffersOfAsync(scene.Last));
    }

    [Fact]
    public async Task InAutomaticMode_TheJob_OffersTheReleasedSeat_SkippingFamiliesThatNoLongerWait()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.Automatic);
        await Scene.AnswerAsync(scene.High, OfferActions.Refuse);

        var first = await RunJobAsync();
        Assert.True(first.Reattributed >= 1);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Middle));

        await Scene.AnswerAsync(scene.Middle, OfferActions.Refuse, "Trop loin de chez nous.");
        await RunJobAsync();

        // Low is 2nd on A's list but holds an offer at B: Last, 3rd, gets the seat.
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Last));
        Assert.Equal(2, Assert.Single(await OffersOfAsync(scene.Last)).Round);
        Assert.Single(await OffersOfAsync(scene.Low));
        Assert.Equal(1, await DbAsync(db => db.PlaceOffers.CountAsync(o => o.SessionId == new CommissionSessionId(scene.Session) && o.FacilityId == scene.A.Id && o.SeatKey != null)));
    }

    [Fact]
    public async Task AnUnansweredOffer_ExpiresAfterItsDeadline_AndItsSeatIsOfferedAgain()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.Automatic);
        // Published eleven days ago: the deadline (today + 10) was yesterday.
        await DbAsync(db => db.PlaceOffers.Where(o => o.ApplicationId == scene.High.Application.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Deadline, new DateOnly(2026, 11, 22))));

        var late = await Scene.AnswerAsync(scene.High, OfferActions.Accept);
        Assert.Contains("Le délai de réponse est dépassé depuis le 22/11/2026", Assert.Single(await Forms.ErrorSummaryAsync(late)));
        var pass = await RunJobAsync();

        Assert.True(pass.Expired >= 1);
        var expired = Assert.Single(await OffersOfAsync(scene.High));
        Assert.Equal((OfferStatus.Expired, (string?)null), (expired.Status, expired.SeatKey));
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(scene.High));
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.Middle));
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.EntityId == expired.Id.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == DecisionAudit.Expired);
        // The offer still in time is untouched.
        Assert.Equal(OfferStatus.Proposed, Assert.Single(await OffersOfAsync(scene.Low)).Status);
    }

    [Fact]
    public async Task TheGuichet_WithdrawsAnOffer_OnlyWithAReason_AndTheSeatIsReleased()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.AgentConfirms);
        var offer = Assert.Single(await OffersOfAsync(scene.Low));
        var path = $"{scene.OffersPath}/{offer.Id}/retirer";

        var noReason = await Forms.PostFormAsync(scene.Agent, path, ("Reason", "court"));
        Assert.Contains("Écrivez pourquoi la proposition est retirée (au moins 10 caractères)", Assert.Single(await Forms.ErrorSummaryAsync(noReason)));
        Assert.Equal(OfferStatus.Proposed, Assert.Single(await OffersOfAsync(scene.Low)).Status);

        var withdrawn = await Forms.PostFormAsync(scene.Agent, path, ("Reason", "La famille a déménagé à Lyon."));

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(OfferStatus.Withdrawn, Assert.Single(await OffersOfAsync(scene.Low)).Status);
        Assert.Equal(ApplicationStatus.Cancelled, await StatusOfAsync(scene.Low));
        Assert.Contains($"{scene.B.Name} – Bébés, place n° 1 (libérée)", await Forms.TextAsync(await scene.Agent.GetAsync(scene.OffersPath)));
    }

    [Fact]
    public async Task WhenTheFamilyWithdrawsItsApplication_TheJobReleasesItsOffer()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.AgentConfirms);
        await DbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == scene.High.Application.Id);
            Assert.True(application.Withdraw(BerceauApp.Now.AddMinutes(5), scene.High.UserId, null).IsSuccess);
            return await db.SaveChangesAsync();
        });

        var pass = await RunJobAsync();

        Assert.True(pass.Released >= 1);
        var offer = Assert.Single(await OffersOfAsync(scene.High));
        Assert.Equal((OfferStatus.Withdrawn, OfferActions.ApplicationGoneReason), (offer.Status, offer.Reason));
    }

    [Fact]
    public async Task TheOffersPage_IsForTheSessionsMembersAndTheCommunesAgents_Only()
    {
        var scene = await Scene.PublishedAsync(app);
        var (elsewhere, _) = await Commission.CommissionTestData.StaffAsync(app, Berceau.Domain.Access.Roles.Agent, Commission.CommissionTestData.OtherCommune);

        Assert.Equal(HttpStatusCode.OK, (await scene.Member.GetAsync(scene.OffersPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(scene.OffersPath)).StatusCode);
        // A token from a page the agent may open: the handler itself refuses.
        var post = await Forms.PostFormToAsync(elsewhere, "/pro/commissions/nouvelle", $"{scene.OffersPath}?handler=Offer&section={scene.A.Sections[0].Id}&seat=1", []);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await scene.High.Client.GetAsync(scene.OffersPath)).StatusCode);
    }
}
