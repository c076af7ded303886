using System.Net;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Features.Decisions;

[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public class PublicationTests(BerceauApp app)
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    private Task<List<PlaceOffer>> OffersAsync(Guid session) =>
        DbAsync(db => db.PlaceOffers.Where(o => o.SessionId == new CommissionSessionId(session)).ToListAsync());

    private Task<Application> ApplicationAsync(Family family) =>
        DbAsync(db => db.Applications.Include(a => a.StatusChanges).SingleAsync(a => a.Id == family.Application.Id));

    [Fact]
    public async Task Publish_OffersTheValidatedSeats_WithTheirDeadline_AndExplainsTheWaitingList()
    {
        var scene = await Scene.ValidatedAsync(app);

        var page = await Forms.TextAsync(await scene.Agent.GetAsync($"/pro/commissions/{scene.Session}/publication"));
        Assert.Contains("2 familles reçoivent une proposition de place", page);
        Assert.Contains("2 familles restent sur la liste d’attente", page);
        var published = await scene.PublishAsync(scene.Agent, "10", "Automatic");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var offers = await OffersAsync(scene.Session);
        Assert.Equal(2, offers.Count);
        Assert.All(offers, o => Assert.Equal((OfferStatus.Proposed, 1, 0, Today.AddDays(10)), (o.Status, o.Seat, o.Round, o.Deadline)));
        Assert.Equal(scene.A.Id, offers.Single(o => o.ApplicationId == scene.High.Application.Id).FacilityId);
        Assert.Equal(scene.B.Id, offers.Single(o => o.ApplicationId == scene.Low.Application.Id).FacilityId);

        var high = await ApplicationAsync(scene.High);
        Assert.Equal(ApplicationStatus.Offered, high.Status);
        Assert.Contains("section « Bébés », à partir du 04/01/2027. Répondez au plus tard le 03/12/2026", high.StatusChanges.Last().Reason);
        var middle = await ApplicationAsync(scene.Middle);
        Assert.Equal(ApplicationStatus.Waitlisted, middle.Status);
        Assert.Equal($"La commission n’a pas pu vous proposer de place. À la crèche {scene.A.Name}, votre score était de 52 ; "
            + "la dernière famille admise avait 62 ; vous êtes 1re sur sa liste d’attente.", middle.StatusChanges.Last().Reason);
        Assert.Contains("vous êtes 3e sur sa liste d’attente.", (await ApplicationAsync(scene.Last)).StatusChanges.Last().Reason);

        var session = await DbAsync(db => db.CommissionSessions.SingleAsync(s => s.Id == new CommissionSessionId(scene.Session)));
        Assert.Equal((CommissionStatus.Published, 10, ReattributionMode.Automatic), (session.Status, session.OfferDays, session.Reattribution));
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.EntityId == scene.Session.ToString()).Select(e => e.Action).ToListAsync()),
            a => a == DecisionAudit.Published);
        // Each family is told, by e-mail and in its space.
        foreach (var family in new[] { scene.High, scene.Middle, scene.Low, scene.Last })
            Assert.True(await DbAsync(db => db.OutboxMessages.AnyAsync(m => m.RecipientEmail == family.Email && m.Subject.Contains(family == scene.High || family == scene.Low ? "Proposée" : "Liste d’attente"))));
    }

    [Theory]
    [InlineData("dix", "Automatic", "Input_OfferDays")]
    [InlineData("0", "Automatic", "Input_OfferDays")]
    [InlineData("61", "Automatic", "Input_OfferDays")]
    [InlineData("10", "Parfois", "Input_Mode")]
    public async Task Publish_WithBadInput_SaysWhyInFrench_AndChangesNothing(string days, string mode, string field)
    {
        var scene = await Scene.ValidatedAsync(app);

        var response = await scene.PublishAsync(scene.President, days, mode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Forms.TextAsync(response);
        var error = Assert.Single(Forms.ErrorSummary(html));
        Assert.Contains($"href=\"#{field}\"", html);
        Assert.True(error.Contains("jours") || error.Contains("places libérées") || error.Contains("nombre"), error);
        Assert.Empty(await OffersAsync(scene.Session));
        Assert.Equal(ApplicationStatus.InCommittee, (await ApplicationAsync(scene.High)).Status);
        Assert.Equal(CommissionStatus.Validated,
            await DbAsync(db => db.CommissionSessions.Where(s => s.Id == new CommissionSessionId(scene.Session)).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Publish_ByAMemberWhoDoesNotPreside_OrStaffOfAnotherCommune_OrAFamily_IsRefused_AndNothingChanges()
    {
        var scene = await Scene.ValidatedAsync(app);
        var (elsewhere, _) = await app.StaffAsync(Berceau.Domain.Access.Roles.Agent, CommissionTestData.OtherCommune);

        Assert.Equal(HttpStatusCode.Forbidden, (await scene.PublishAsync(scene.Member, "10", "Automatic")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync($"/pro/commissions/{scene.Session}/publication")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(scene.OffersPath)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await scene.High.Client.GetAsync($"/pro/commissions/{scene.Session}/publication")).StatusCode);
        Assert.Empty(await OffersAsync(scene.Session));

        // The president may; publishing twice is refused with the reason.
        Assert.Equal(HttpStatusCode.Redirect, (await scene.PublishAsync(scene.President, "15", "AgentConfirms")).StatusCode);
        Assert.Equal(2, (await OffersAsync(scene.Session)).Count);
        Assert.All(await OffersAsync(scene.Session), o => Assert.Equal(Today.AddDays(15), o.Deadline));
    }

    [Fact]
    public async Task Publish_BeforeTheValidation_IsRefused()
    {
        await app.EnsureGridAsync(Scene.Commune);
        var a = await app.CrecheAsync("A", Scene.Commune);
        var (agent, _) = await app.StaffAsync(Berceau.Domain.Access.Roles.Agent, Scene.Commune);
        var (_, presidentEmail) = await app.StaffAsync(Berceau.Domain.Access.Roles.Committee, Scene.Commune);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], a);

        var response = await Forms.PostFormToAsync(agent, $"/pro/commissions/{session}/publication", $"/pro/commissions/{session}/publication",
            [new("Input.OfferDays", "10"), new("Input.Mode", "Automatic")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("qu’après la validation par la présidence", Assert.Single(await Forms.ErrorSummaryAsync(response)));
    }
}
