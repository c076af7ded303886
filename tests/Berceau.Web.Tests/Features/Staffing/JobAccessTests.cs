using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Staffing.StaffingTestData;

namespace Berceau.Web.Tests.Features.Staffing;

/// <summary>Who may post, edit and close which offers: by role (gestionnaires) and by territory (commune, structure).</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class JobAccessTests(BerceauApp app)
{
    [Fact]
    public async Task ADirector_PostsForTheirOwnStructure_InItsCommune_AndForNoOther()
    {
        var creche = await app.CrecheAsync(NoisyLeGrand);
        var other = await app.CrecheAsync(NoisyLeGrand);
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        var title = $"AP test {Guid.NewGuid():N}"[..19];
        var sneaky = $"AP test {Guid.NewGuid():N}"[..19];

        var form = await Forms.TextAsync(await director.GetAsync("/pro/emplois/nouvelle"));
        var refused = await Forms.PostFormAsync(director, "/pro/emplois/nouvelle", [.. JobFields(sneaky, commune: Villepinte, facility: other.Id.ToString())]);
        var posted = await Forms.PostFormAsync(director, "/pro/emplois/nouvelle", [.. JobFields(title, commune: Villepinte, facility: creche.Id.ToString())]);

        Assert.Contains("Structure qui recrute", form);
        Assert.DoesNotContain("Commune du poste", form);
        Assert.Equal(["Choisissez une structure que vous gérez."], await Forms.ErrorSummaryAsync(refused));
        Assert.Empty(await app.JobsTitledAsync(sneaky));
        AssertRedirect(posted);
        var job = Assert.Single(await app.JobsTitledAsync(title));
        // The commune typed is ignored: the offer stands where the structure stands.
        Assert.Equal((NoisyLeGrand, creche.Id), (job.CommuneCode, job.FacilityId!.Value));
    }

    [Fact]
    public async Task OtherGestionnaires_FindNoneOfAnOffersPages_AndChangeNothing()
    {
        var creche = await app.CrecheAsync();
        var job = await app.JobAsync(facility: creche.Id);
        var otherCreche = await app.CrecheAsync();
        using var otherDirector = await app.SignedInAsync(Roles.Director, facility: otherCreche.Id.Value);
        using var otherAgent = await app.SignedInAsync(Roles.Agent, commune: NoisyLeGrand);
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);

        foreach (var client in new[] { otherDirector, otherAgent })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/pro/emplois/{job.Id}")).StatusCode);
            var token = await Forms.AntiforgeryTokenAsync(client, "/pro/emplois/nouvelle");
            using var close = new FormUrlEncodedContent([KeyValuePair.Create("version", "0"), KeyValuePair.Create(Forms.TokenField, token)]);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/pro/emplois/{job.Id}?handler=Close", close)).StatusCode);
            Assert.DoesNotContain(job.Title, await Forms.TextAsync(await client.GetAsync("/pro/emplois")));
        }

        Assert.False((await app.ReloadJobAsync(job.Id)).IsClosed);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/pro/emplois/{job.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/pro/emplois/{job.Id}")).StatusCode);
        Assert.Contains(job.Title, await Forms.TextAsync(await director.GetAsync("/pro/emplois")));
    }

    [Fact]
    public async Task RolesThatDoNotRecruit_AreRefused_AndAnonymousVisitorsAreSentToSignIn()
    {
        using var committee = await app.SignedInAsync(Roles.Committee, commune: Villepinte);
        using var observatory = await app.SignedInAsync(Roles.Observatory, departement: "93");
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using var agentWithoutTerritory = await app.SignedInAsync(Roles.Agent);

        foreach (var client in new[] { committee, observatory, family, agentWithoutTerritory })
        {
            OfferTestData.AssertForbidden(await client.GetAsync("/pro/emplois"));
            OfferTestData.AssertForbidden(await client.GetAsync("/pro/emplois/nouvelle"));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/pro/emplois/nouvelle")).StatusCode);
        // The board itself is public.
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync("/emplois")).StatusCode);
    }

    [Fact]
    public async Task AnAgentPostsOnlyInTheCommunesOfTheirTerritory()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        var title = $"AP test {Guid.NewGuid():N}"[..19];

        var response = await Forms.PostFormAsync(agent, "/pro/emplois/nouvelle", [.. JobFields(title, commune: NoisyLeGrand)]);

        Assert.Equal(["Choisissez une commune de votre territoire."], await Forms.ErrorSummaryAsync(response));
        Assert.Empty(await app.JobsTitledAsync(title));
    }
}
