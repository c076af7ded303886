using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Applications.Api.ApiClients;

namespace Berceau.Web.Tests.Features.Decisions;

/// <summary>
/// /api/v1/propositions on a published session of Livry-Gargan (93046), a commune no other test class uses: High is offered A,
/// Low is offered B, Middle and Last wait. Who lists what, who answers what, and what is refused.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public class OffersApiTests(BerceauApp app)
{
    private const string Commune = "93046";
    private const string Propositions = "/api/v1/propositions";

    private async Task<Scene> PublishedAsync()
    {
        var scene = await Scene.PublishedAsync(app, commune: Commune);
        foreach (var family in new[] { scene.High, scene.Middle, scene.Low, scene.Last }) await AddAntiforgeryHeaderAsync(family.Client);
        return scene;
    }

    private Task<PlaceOffer> OfferOfAsync(Family family) =>
        app.WithDbAsync(db => db.PlaceOffers.AsNoTracking().SingleAsync(o => o.ApplicationId == family.Application.Id));

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid offer, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Propositions}/{offer}/reponse") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<string>> ErrorsOfAsync(HttpResponseMessage response, string field)
    {
        var json = await JsonAsync(response);
        return [.. json.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
    }

    [Fact]
    public async Task TheFamily_ListsItsOwnOffer_AndAFamilyWithoutOfferListsNothing()
    {
        var scene = await PublishedAsync();

        var high = await scene.High.Client.GetFromJsonAsync<JsonElement>(Propositions);
        var middle = await scene.Middle.Client.GetFromJsonAsync<JsonElement>(Propositions);

        Assert.Equal(1, high.GetProperty("total").GetInt32());
        var offer = high.GetProperty("items")[0];
        Assert.Equal((await OfferOfAsync(scene.High)).Id.Value, offer.GetProperty("id").GetGuid());
        Assert.Equal(scene.High.Application.Reference, offer.GetProperty("applicationReference").GetString());
        Assert.Equal(scene.A.Name, offer.GetProperty("facility").GetString());
        Assert.Equal("Bébés", offer.GetProperty("section").GetString());
        Assert.Equal(("Proposed", "Proposée", "2027-01-04", "2026-12-03", true),
            (offer.GetProperty("status").GetString(), offer.GetProperty("statusLabel").GetString(), offer.GetProperty("availableOn").GetString(),
             offer.GetProperty("deadline").GetString(), offer.GetProperty("open").GetBoolean()));
        Assert.Equal(0, middle.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherFamily_CannotAnswerTheOffer_ItIsNotFound_AndNothingChanges()
    {
        var scene = await PublishedAsync();
        var offer = await OfferOfAsync(scene.High);

        using var response = await AnswerAsync(scene.Middle.Client, offer.Id.Value, new { choice = OfferActions.Refuse }, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);
        // An id that exists nowhere answers the same.
        using var unknown = await AnswerAsync(scene.High.Client, Guid.NewGuid(), new { choice = OfferActions.Accept }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheFamily_Accepts_TheSameRequestIsReplayed_AndASecondAnswerIsAConflict()
    {
        var scene = await PublishedAsync();
        var offer = await OfferOfAsync(scene.High);
        var key = Guid.NewGuid().ToString();

        using var accepted = await AnswerAsync(scene.High.Client, offer.Id.Value, new { choice = OfferActions.Accept }, key);
        using var replayed = await AnswerAsync(scene.High.Client, offer.Id.Value, new { choice = OfferActions.Accept }, key);
        using var again = await AnswerAsync(scene.High.Client, offer.Id.Value, new { choice = OfferActions.Refuse }, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await JsonAsync(accepted);
        Assert.Equal(("Accepted", false), (body.GetProperty("status").GetString(), body.GetProperty("open").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Vous avez déjà répondu à cette proposition (« Acceptée »).", (await JsonAsync(again)).GetProperty("detail").GetString());
        Assert.Equal(OfferStatus.Accepted, (await OfferOfAsync(scene.High)).Status);
        var status = await app.WithDbAsync(db => db.Applications.Where(a => a.Id == scene.High.Application.Id).Select(a => a.Status).SingleAsync());
        Assert.Equal(ApplicationStatus.Accepted, status);
    }

    [Fact]
    public async Task TheFamily_RefusesWithAReason_AndTheSeatIsReleased()
    {
        var scene = await PublishedAsync();
        var offer = await OfferOfAsync(scene.Low);

        using var refused = await AnswerAsync(scene.Low.Client, offer.Id.Value,
            new { choice = OfferActions.Refuse, reason = "Nous avons trouvé une assistante maternelle." }, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var after = await OfferOfAsync(scene.Low);
        Assert.Equal((OfferStatus.Refused, "Nous avons trouvé une assistante maternelle.", (string?)null), (after.Status, after.Reason, after.SeatKey));
        Assert.Equal("Nous avons trouvé une assistante maternelle.", (await JsonAsync(refused)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task BadInput_IsRefusedInFrench_AndNothingChanges()
    {
        var scene = await PublishedAsync();
        var offer = (await OfferOfAsync(scene.High)).Id.Value;

        using var noKey = await AnswerAsync(scene.High.Client, offer, new { choice = OfferActions.Accept }, key: null);
        using var unknownChoice = await AnswerAsync(scene.High.Client, offer, new { choice = "peut-être" }, Guid.NewGuid().ToString());
        using var tooLong = await AnswerAsync(scene.High.Client, offer, new { choice = OfferActions.Refuse, reason = new string('x', 501) }, Guid.NewGuid().ToString());
        using var notJson = await scene.High.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Propositions}/{offer}/reponse")
        {
            Content = new StringContent("{\"choice\": ", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
        });
        using var badStatus = await scene.High.Client.GetAsync($"{Propositions}?statut=perdue");
        using var badPage = await scene.High.Client.GetAsync($"{Propositions}?parPage=0");

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("Idempotency-Key", Assert.Single(await ErrorsOfAsync(noKey, "idempotencyKey")));
        Assert.Equal(HttpStatusCode.BadRequest, unknownChoice.StatusCode);
        Assert.Equal(["Indiquez « accepter » ou « refuser » dans « choice »."], await ErrorsOfAsync(unknownChoice, "choice"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["Le texte ne doit pas dépasser 500 caractères."], await ErrorsOfAsync(tooLong, "reason"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("proposee", Assert.Single(await ErrorsOfAsync(badStatus, "statut")));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);

        // Without the antiforgery header (a page of another site cannot read it), nothing is answered.
        var (email, password) = (scene.High.Email, scene.High.Password);
        var bare = await Accounts.SignInAsync(app, email, password);
        using var forged = await AnswerAsync(bare, offer, new { choice = OfferActions.Refuse }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);
    }

    [Fact]
    public async Task AnOfferPastItsDeadline_CannotBeAnswered()
    {
        var scene = await PublishedAsync();
        var offer = await OfferOfAsync(scene.High);
        var yesterday = DateOnly.FromDateTime(BerceauApp.Now.UtcDateTime).AddDays(-1);
        // The job has not expired it yet: only the deadline has passed.
        await app.WithDbAsync(db => db.PlaceOffers.Where(o => o.Id == offer.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Deadline, yesterday)));

        using var response = await AnswerAsync(scene.High.Client, offer.Id.Value, new { choice = OfferActions.Accept }, Guid.NewGuid().ToString());
        var listed = await scene.High.Client.GetFromJsonAsync<JsonElement>(Propositions);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("Le délai de réponse est dépassé depuis le 22/11/2026", (await JsonAsync(response)).GetProperty("detail").GetString());
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);
        Assert.False(listed.GetProperty("items")[0].GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task Staff_ListTheirTerritorysOffers_AnAgentOfAnotherCommuneDoesNot_AndStaffNeverAnswer()
    {
        var scene = await PublishedAsync();
        var (outsider, _) = await app.StaffAsync(Roles.Agent, CommissionTestData.OtherCommune);
        await AddAntiforgeryHeaderAsync(scene.Agent);

        var ours = await scene.Agent.GetFromJsonAsync<JsonElement>($"{Propositions}?commune={Commune}&statut=proposee&parPage=100");
        var theirs = await outsider.GetFromJsonAsync<JsonElement>($"{Propositions}?parPage=100");
        using var forbidden = await outsider.GetAsync($"{Propositions}?commune={Commune}");
        using var answered = await AnswerAsync(scene.Agent, (await OfferOfAsync(scene.High)).Id.Value, new { choice = OfferActions.Accept }, Guid.NewGuid().ToString());
        using var anonymous = await app.Client().GetAsync(Propositions);

        var references = ours.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationReference").GetString()).ToList();
        Assert.Contains(scene.High.Application.Reference, references);
        Assert.Contains(scene.Low.Application.Reference, references);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("applicationReference").GetString() == scene.High.Application.Reference);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, answered.StatusCode);
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == DecisionAudit.OfferType && e.Action == "lecture")
            .Select(e => e.Details).ToListAsync()), d => d != null && d.Contains($"commune {Commune}"));
    }
}
