using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Commission.CommissionTestData;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The public statistics of a commission, read without an account (Gagny, <see cref="GagnyScene"/>).</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public class PublicStatisticsPageTests(BerceauApp app)
{
    private static string Url(Guid session) => $"/commissions/{session}/statistiques";

    private async Task<string> PublicPageAsync(string url)
    {
        var response = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MinutesTests.Text(await Forms.TextAsync(response));
    }

    [Fact]
    public async Task AValidatedSession_PublishesItsFigures_ToAnyone_WithoutAnyName()
    {
        // Twelve families wish A (six seats): six with two working parents (62 points), six single working parents (52).
        await app.EnsureGridAsync(GagnyScene.Commune);
        var a = await app.CrecheAsync("A", GagnyScene.Commune);
        var b = await app.CrecheAsync("B", GagnyScene.Commune);
        var applications = new List<Application>();
        foreach (var name in new[] { "Anna", "Bruno", "Chloé", "David", "Emma", "Farid" })
        {
            applications.Add(await app.CompleteAsync($"Haute-{name}", new(2026, 9, 1), [GuardianSituation.Employed, GuardianSituation.Employed], a, b));
            applications.Add(await app.CompleteAsync($"Seule-{name}", new(2026, 9, 1), [GuardianSituation.Employed], a));
        }
        var (agent, _) = await app.StaffAsync(Roles.Agent, GagnyScene.Commune);
        var (president, presidentEmail) = await app.StaffAsync(Roles.Committee, GagnyScene.Commune);
        var session = await app.CreateSessionAsync(agent, presidentEmail, [], a, b);
        await DeclareAsync(agent, session, (a, 6));
        await PostReviewAsync(president, session, "Freeze");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(Url(session))).StatusCode);
        await PostReviewAsync(president, session, "Validate");

        var page = await PublicPageAsync(Url(session));

        Assert.Contains("Demandes examinées 12", page);
        Assert.Contains("Places attribuées par la commission 6", page);
        Assert.Contains("Familles ayant obtenu une place 6 (50 %)", page);
        Assert.Contains("Familles ayant obtenu leur premier choix 6 (50 %)", page);
        Assert.Contains("Décisions motivées de la commission (au lieu de la proposition du classement) 0", page);
        Assert.Contains($"{a.Name} 6 6 62", page);
        Assert.Contains("de 50 à 59 points 6", page);
        Assert.Contains("de 60 à 69 points 6", page);
        Assert.DoesNotContain(b.Name, page);
        Assert.All(applications, x => Assert.DoesNotContain(x.Reference, page));
        Assert.DoesNotContain("Haute-Anna", page);
        Assert.DoesNotContain(presidentEmail, page);

        Assert.Contains("Gagny", await PublicPageAsync("/commissions"));
        Assert.Contains($"href=\"{Url(session)}\"", await Forms.TextAsync(await app.Client().GetAsync($"/commissions?commune={GagnyScene.Commune}")));
    }

    [Fact]
    public async Task SmallCells_AreShownAsFewerThanFive_AndGiveAwayNothing()
    {
        var scene = await GagnyScene.ValidatedAsync(app, force: true);

        var page = await PublicPageAsync(Url(scene.Session));

        Assert.Contains("Demandes examinées moins de 5", page);
        Assert.Contains("Familles ayant obtenu une place moins de 5 (non publié)", page);
        Assert.Contains("Décisions motivées de la commission (au lieu de la proposition du classement) 1", page);
        Assert.Contains($"{scene.A.Name} 1 moins de 5 non publié", page);
        Assert.DoesNotContain(GagnyScene.Urgency, page);
        Assert.DoesNotContain(scene.Middle.Reference, page);
    }

    [Fact]
    public async Task ASessionNotYetDecided_CalledOff_OrUnknown_IsNotFound()
    {
        var frozen = await GagnyScene.FrozenAsync(app);
        var cancelled = await GagnyScene.PreparedAsync(app);
        var off = await Forms.PostFormAsync(cancelled.Agent, cancelled.Url("/annuler"), ("Input.Reason", "Réunion reportée au printemps"));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(Url(frozen.Session))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(Url(cancelled.Session))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(Url(Guid.NewGuid()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync("/commissions?commune=00000")).StatusCode);
        Assert.DoesNotContain(frozen.Session.ToString(), await Forms.TextAsync(await app.Client().GetAsync($"/commissions?commune={GagnyScene.Commune}")));
    }
}
