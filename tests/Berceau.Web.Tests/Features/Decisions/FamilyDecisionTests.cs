using System.Net;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Web.Features.Decisions;
using Berceau.Web.Tests.Features.Commission;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Berceau.Web.Tests.Features.Decisions;

[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class FamilyDecisionTests(BerceauApp app)
{
    private Task<T> DbAsync<T>(Func<Berceau.Data.BerceauDbContext, Task<T>> action) => app.WithDbAsync(action);

    private Task<PlaceOffer> OfferOfAsync(Family family) =>
        DbAsync(db => db.PlaceOffers.OrderBy(o => o.Round).LastAsync(o => o.ApplicationId == family.Application.Id));

    private Task<ApplicationStatus> StatusOfAsync(Family family) =>
        DbAsync(db => db.Applications.Where(a => a.Id == family.Application.Id).Select(a => a.Status).SingleAsync());

    [Fact]
    public async Task TheFamily_ReadsItsOffer_WithTheDeadline_AndAcceptsIt()
    {
        var scene = await Scene.PublishedAsync(app);

        var page = await Forms.TextAsync(await scene.High.Client.GetAsync($"/famille/demandes/{scene.High.Id}/decision"));
        Assert.Contains($"Elle vous propose une place à la crèche {scene.A.Name}, section « Bébés », à partir du 04/01/2027.", page);
        Assert.Contains("Votre réponse, au plus tard le 03/12/2026", page);
        Assert.Contains("Accepter la place", page);
        Assert.Contains("Refuser la place", page);
        Assert.Contains("Vos points à cette crèche : 62.", page);

        var accepted = await Scene.AnswerAsync(scene.High, OfferActions.Accept);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(OfferStatus.Accepted, (await OfferOfAsync(scene.High)).Status);
        Assert.Equal(ApplicationStatus.Accepted, await StatusOfAsync(scene.High));
        var after = await Forms.TextAsync(await scene.High.Client.GetAsync(accepted.Headers.Location!.OriginalString));
        Assert.Contains("Vous avez accepté la place.", after);
        Assert.DoesNotContain("Refuser la place", after);
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.EntityType == DecisionAudit.OfferType).Select(e => e.Action).ToListAsync()),
            a => a == DecisionAudit.Accepted);

        // Answered once: a second answer is refused, in French, and nothing changes.
        var again = await Scene.AnswerAsync(scene.High, OfferActions.Refuse);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Vous avez déjà répondu à cette proposition (« Acceptée »).", await Forms.ErrorSummaryAsync(again));
        Assert.Equal(ApplicationStatus.Accepted, await StatusOfAsync(scene.High));
    }

    [Fact]
    public async Task TheFamily_RefusesWithAReason_AndTheSeatIsFree()
    {
        var scene = await Scene.PublishedAsync(app);

        var refused = await Scene.AnswerAsync(scene.Low, OfferActions.Refuse, "Nous avons trouvé une assistante maternelle.");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var offer = await OfferOfAsync(scene.Low);
        Assert.Equal((OfferStatus.Refused, "Nous avons trouvé une assistante maternelle.", (string?)null), (offer.Status, offer.Reason, offer.SeatKey));
        // Tremblay keeps the default rule: back on the waiting list (DeclinedOfferTests covers the rule).
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOfAsync(scene.Low));
        var page = await Forms.TextAsync(await scene.Agent.GetAsync(scene.OffersPath));
        Assert.Contains($"{scene.B.Name} – Bébés, place n° 1 (libérée)", page);
        Assert.Contains("Aucune famille en attente pour cette section", page);
    }

    [Fact]
    public async Task AnUnknownChoice_OrATooLongReason_IsRefused_AndNothingChanges()
    {
        var scene = await Scene.PublishedAsync(app);

        var unknown = await Scene.AnswerAsync(scene.High, "peut-être");
        var tooLong = await Scene.AnswerAsync(scene.High, OfferActions.Refuse, new string('x', 501));

        Assert.Contains("Choisissez « Accepter » ou « Refuser ».", await Forms.ErrorSummaryAsync(unknown));
        Assert.Contains("500", Assert.Single(await Forms.ErrorSummaryAsync(tooLong)));
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.High));
    }

    [Fact]
    public async Task AFamily_NeverSeesNorAnswersAnotherFamilysDecision()
    {
        var scene = await Scene.PublishedAsync(app);
        var other = scene.Middle;

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/famille/demandes/{scene.High.Id}/decision")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/famille/demandes/{scene.High.Id}/decision/courrier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/famille/demandes/{scene.High.Id}/decision?handler=Pdf")).StatusCode);
        var answered = await Scene.AnswerAsync(other, OfferActions.Refuse, application: scene.High.Id);
        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        Assert.Equal(OfferStatus.Proposed, (await OfferOfAsync(scene.High)).Status);
        // Without the antiforgery token, even the owner's answer is refused.
        using var bare = await scene.High.Client.PostAsync($"/famille/demandes/{scene.High.Id}/decision?handler=Answer",
            new FormUrlEncodedContent([new("Choice", OfferActions.Accept)]));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(ApplicationStatus.Offered, await StatusOfAsync(scene.High));
    }

    [Fact]
    public async Task TheWaitingFamily_ReadsWhy_InItsLetter_OnScreenAndInPdf()
    {
        var scene = await Scene.PublishedAsync(app);

        var page = await Forms.TextAsync(await scene.Middle.Client.GetAsync($"/famille/demandes/{scene.Middle.Id}/decision/courrier"));
        using var pdfResponse = await scene.Middle.Client.GetAsync($"/famille/demandes/{scene.Middle.Id}/decision?handler=Pdf");

        var sentence = $"À la crèche {scene.A.Name}, votre score était de 52 ; la dernière famille admise avait 62 ; vous êtes 1re sur sa liste d’attente.";
        Assert.Contains("Décision de la commission d’attribution : liste d’attente", page);
        Assert.Contains(sentence, page);
        Assert.Contains("Contester la décision", page);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("liste d’attente", text);
        Assert.Contains("52", text);
        Assert.Contains(scene.Middle.Application.Reference, text);
    }

    [Fact]
    public async Task TheGuichet_ReadsAFamilysLetter_AndTheReadingIsAudited()
    {
        var scene = await Scene.PublishedAsync(app);

        var page = await Forms.TextAsync(await scene.Agent.GetAsync($"/pro/commissions/{scene.Session}/courriers/{scene.High.Id}"));
        using var pdf = await scene.Agent.GetAsync($"/pro/commissions/{scene.Session}/courriers/{scene.High.Id}?handler=Pdf");

        Assert.Contains("Décision de la commission d’attribution : proposition de place", page);
        Assert.Contains("Répondez au plus tard le 03/12/2026", page);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, await DbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == DecisionAudit.LetterType && e.EntityId == scene.High.Id.ToString())));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.StaffAsync(Berceau.Domain.Access.Roles.Agent, CommissionTestData.OtherCommune)).Client
            .GetAsync($"/pro/commissions/{scene.Session}/courriers/{scene.High.Id}")).StatusCode);
    }
}
