using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Features.FollowUp;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.FollowUp.FollowUpTestData;

namespace Berceau.Web.Tests.Features.FollowUp;

/// <summary>Cases name families: the guichet of the commune only (role AND territory); the indicator, figures only, also the observatory.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class FollowUpAccessTests(BerceauApp app)
{
    [Fact]
    public async Task AFamily_ADirector_TheCommission_AndTheObservatory_CannotReachTheCases()
    {
        var application = await app.ApplicationAsync(null);
        var id = await app.CaseAsync(application);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using var director = await app.SignedInAsync(Roles.Director, commune: Villetaneuse);
        using var committee = await app.SignedInAsync(Roles.Committee, commune: Villetaneuse);
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: "93");

        foreach (var client in new[] { family, director, committee, observatory })
        {
            OfferTestData.AssertForbidden(await client.GetAsync(FollowUpFeature.WorklistPath));
            OfferTestData.AssertForbidden(await client.GetAsync(Path(id)));
            OfferTestData.AssertForbidden(await client.GetAsync(FollowUpFeature.LetterPath(id)));
            OfferTestData.AssertForbidden(await client.GetAsync(FollowUpFeature.OpenPath(application)));
        }
        OfferTestData.AssertForbidden(await family.GetAsync(FollowUpFeature.IndicatorsPath));
        OfferTestData.AssertForbidden(await director.GetAsync(FollowUpFeature.IndicatorsPath));
        Assert.Equal(HttpStatusCode.OK, (await observatory.GetAsync(FollowUpFeature.IndicatorsPath)).StatusCode);
        family.Dispose();
    }

    [Fact]
    public async Task AnAgentOfAnotherCommune_FindsNeitherTheCase_NorItsLetter_NorTheApplication_AndCannotActOnThem()
    {
        var application = await app.ApplicationAsync(null);
        var id = await app.CaseAsync(application);
        using var other = await app.SignedInAsync(Roles.Agent, commune: Neuilly);
        using var own = await app.SignedInAsync(Roles.Agent, commune: Villetaneuse);
        var token = await Forms.AntiforgeryTokenAsync(other, FollowUpFeature.WorklistPath);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(FollowUpFeature.LetterPath(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(FollowUpFeature.LetterPath(id) + "?handler=Pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(FollowUpFeature.OpenPath(application))).StatusCode);
        using var post = await other.PostAsync($"{Path(id)}?handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Close.Version"] = "0", ["Close.Outcome"] = "Unreachable", ["Close.On"] = "2026-11-23",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(Path(id), await Forms.TextAsync(await other.GetAsync(FollowUpFeature.WorklistPath)));
        Assert.Contains(Path(id), await Forms.TextAsync(await own.GetAsync(FollowUpFeature.WorklistPath)));
        Assert.Equal(Domain.FollowUp.FollowUpStatus.Open, (await app.StoredCaseAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync(Path(Guid.NewGuid()))).StatusCode);
    }

    [Fact]
    public async Task AnAdminOfTheDepartement_WorksOnTheCase()
    {
        var id = await app.CaseAsync(await app.ApplicationAsync(null));
        using var admin = await app.SignedInAsync(Roles.Admin, departement: "93");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Path(id))).StatusCode);
    }
}
