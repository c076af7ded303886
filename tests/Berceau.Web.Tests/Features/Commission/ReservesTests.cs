using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Commission;
using Berceau.Web.Tests.Features.Decisions;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>
/// The reserved seats from end to end in Livry-Gargan (93046), a commune no other test class uses for applications: the family's
/// answer, the crèche's AVIP label, then a commission where a family on a minimum social takes the reserved seat and everyone is
/// told why.
/// </summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class ReservesTests(BerceauApp app)
{
    private const string Livry = "93046";
    private const string LivryPostalCode = "93190";

    [Fact]
    public async Task TheFamilyForm_AsksForAMinimumSocial_StoresIt_AndTheGuichetAsksForItsProof()
    {
        var creche = (await Applications.ApplicationTestData.CrechesAsync(app, Livry, 1))[0];
        var (client, _) = await Applications.ApplicationTestData.SignedInFamilyAsync(app);
        var form = Applications.ApplicationTestData.ValidForm(Livry, creche.Id.ToString());
        form["Input.PostalCode"] = "";
        form["Input.ReceivesSocialMinimum"] = "true";

        var blank = await Forms.TextAsync(await client.GetAsync(Applications.ApplicationTestData.NewPath(Livry)));
        using var response = await Applications.ApplicationTestData.PostAsync(client, Applications.ApplicationTestData.NewPath(Livry), form);

        Assert.Contains("Un membre du foyer touche un minimum social (RSA, AAH, allocation de solidarité spécifique ASS", blank);
        var id = Applications.ApplicationTestData.IdFrom(response);
        var stored = await Applications.ApplicationTestData.StoredAsync(app, id);
        Assert.True(stored.ReceivesSocialMinimum);
        Assert.Contains(ProofKind.SocialMinimum, Proofs.Required(stored));
        var details = await Forms.TextAsync(await client.GetAsync($"/famille/demandes/{id}"));
        Assert.Contains("Minimum social (RSA, AAH, ASS…)", details);
        Assert.Contains("Attestation de la CAF, de la MSA ou de France Travail pour le minimum social", details);
    }

    [Fact]
    public async Task TheStaffForm_SetsTheAvipLabel_AndThePublicPageShowsIt()
    {
        using var agent = await Offer.OfferTestData.SignedInAsync(app, Roles.Agent, commune: Livry);
        var name = Offer.OfferTestData.UniqueName("Crèche AVIP");

        using var response = await Forms.PostFormAsync(agent, "/pro/structures/nouvelle",
            Offer.OfferTestData.Set(Offer.OfferTestData.CrecheForm(name, Livry, LivryPostalCode, 0, (null, "Bébés", "0", "18", "10")), "Input.IsAvip", "true"));

        var created = Assert.Single(await Offer.OfferTestData.StoredByNameAsync(app, name));
        Assert.True(created.IsAvip);
        Assert.Contains("Label AVIP (insertion professionnelle)", await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{created.Id}")));
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/structures/{created.Id}"));
        Assert.Contains("Crèche à vocation d’insertion professionnelle : au moins 20 % des places sont attribuées en priorité", page);
    }

    [Fact]
    public async Task ACommission_GivesTheReservedSeat_ToAFamilyOnAMinimumSocial_AndSaysSoToEveryone()
    {
        await app.EnsureGridAsync(Livry);
        var a = await app.CrecheAsync("R", Livry);
        var (agent, _) = await app.StaffAsync(Roles.Agent, Livry);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, Livry);
        // Scores at A (parents + 2 months waited): High 62, Middle 52 (single parent), Poor 2.
        var high = await Scene.FamilyAsync(app, "Haute", [GuardianSituation.Employed, GuardianSituation.Employed], a);
        var middle = await Scene.FamilyAsync(app, "Moyenne", [GuardianSituation.Employed], a);
        var poor = await Scene.FamilyAsync(app, "Minima", [GuardianSituation.Other, GuardianSituation.Other], a);
        await app.WithDbAsync(db => db.Applications.Where(x => x.Id == poor.Application.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivesSocialMinimum, true)));
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], a);
        await DeclareAsync(agent, session, (a, 2));
        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(president, session, "Freeze")).StatusCode);

        // 2 seats: ⌈2/20⌉ = 1 reserved for poverty, taken by Poor (2 points); the other by High (62). Middle (52) waits.
        var review = await Forms.TextAsync(await president.GetAsync($"/pro/commissions/{session}"));
        Assert.Contains("Via réserve", review);
        Assert.Contains("Place réservée aux familles qui touchent un minimum social", review);
        Assert.Contains("score 52 pour un dernier admis à 2 via réserve", review);

        Assert.Equal(HttpStatusCode.Redirect, (await PostReviewAsync(president, session, "Validate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostFormAsync(agent, $"/pro/commissions/{session}/publication",
            ("Input.OfferDays", "10"), ("Input.Mode", "AgentConfirms"))).StatusCode);

        var poorLetter = await Forms.TextAsync(await poor.Client.GetAsync($"/famille/demandes/{poor.Id}/decision"));
        var highLetter = await Forms.TextAsync(await high.Client.GetAsync($"/famille/demandes/{high.Id}/decision"));
        var middleLetter = await Forms.TextAsync(await middle.Client.GetAsync($"/famille/demandes/{middle.Id}/decision"));
        Assert.Contains("Cette place fait partie des places que chaque crèche réserve aux familles qui touchent un minimum social "
            + "(au moins une place sur vingt, article D214-7 du code de l’action sociale et des familles).", poorLetter);
        Assert.DoesNotContain("places réservées", highLetter);
        Assert.DoesNotContain("réserve aux familles", highLetter);
        Assert.Contains("votre score était de 52 ; la dernière famille admise avait 2, sur une place réservée par la loi ; "
            + "les autres places sont allées à des familles mieux classées que vous ; vous êtes 1re sur sa liste d’attente.", middleLetter);
    }
}
