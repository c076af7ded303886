using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Web.Tests.Features.Decisions;

/// <summary>
/// A seat is never offered twice (DESIGN, non-negotiables): two agents press « Proposer la place » and the automatic job runs,
/// at the same moment, for the same released seat. Real parallel HTTP requests on the real app and the job on its own thread;
/// run on SQLite and on PostgreSQL (Category Database). The database keeps one offer; the others are told, nothing half-done.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public class SeatConcurrencyTests(BerceauApp app)
{
    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    [Fact]
    public async Task TwoAgentsAndTheJob_OfferingTheSameReleasedSeatAtOnce_GiveItToOneFamilyOnce()
    {
        var scene = await Scene.PublishedAsync(app, ReattributionMode.Automatic);
        var (secondAgent, _) = await app.StaffAsync(Roles.Agent, Scene.Commune);
        var job = app.Services.GetRequiredService<OfferJob>();

        // Two rounds: High refuses (Middle is next), then Middle refuses (Last is next; Low holds B).
        foreach (var (refusing, next) in new[] { (scene.High, scene.Middle), (scene.Middle, scene.Last) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await Scene.AnswerAsync(refusing, OfferActions.Refuse)).StatusCode);
            var action = $"{scene.OffersPath}?handler=Offer&section={scene.A.Sections[0].Id}&seat=1";
            // Tokens first, so that the three actors start together.
            var tokens = await Task.WhenAll(Forms.AntiforgeryTokenAsync(scene.Agent, scene.OffersPath), Forms.AntiforgeryTokenAsync(secondAgent, scene.OffersPath));
            using var start = new Barrier(3);
            Task<HttpResponseMessage> Post(HttpClient client, string token) => Task.Run(() =>
            {
                start.SignalAndWait();
                return client.PostAsync(action, new FormUrlEncodedContent([new(Forms.TokenField, token)]));
            });
            var first = Post(scene.Agent, tokens[0]);
            var second = Post(secondAgent, tokens[1]);
            var byJob = Task.Run(() =>
            {
                start.SignalAndWait();
                return job.RunOnceAsync();
            });
            await Task.WhenAll(first, second, byJob);

            var responses = new[] { await first, await second };
            var agentsWon = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
            var jobWon = (await byJob).Reattributed;
            Assert.Equal(1, agentsWon + jobWon);
            foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            {
                Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
                var message = Assert.Single(await Forms.ErrorSummaryAsync(lost));
                Assert.True(message.StartsWith("Cette place n’est pas libre") || message.StartsWith("Cette place vient d’être proposée"), "Message : " + message);
            }

            var holders = await DbAsync(db => db.PlaceOffers.Where(o => o.SessionId == new CommissionSessionId(scene.Session) && o.FacilityId == scene.A.Id
                && (o.Status == OfferStatus.Proposed || o.Status == OfferStatus.Accepted)).ToListAsync());
            Assert.Equal(next.Application.Id, Assert.Single(holders).ApplicationId);
            var application = await DbAsync(db => db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == next.Application.Id));
            Assert.Equal(ApplicationStatus.Offered, application.Status);
            Assert.Single(application.StatusChanges, c => c.To == ApplicationStatus.Offered);
        }
        Assert.Equal(0, await DbAsync(db => db.PlaceOffers.CountAsync(o => o.ApplicationId == scene.Low.Application.Id && o.FacilityId == scene.A.Id)));
    }
}
