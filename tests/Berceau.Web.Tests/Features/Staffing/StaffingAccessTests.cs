using System.Net;
using Berceau.Domain.Access;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Staffing.StaffingTestData;

namespace Berceau.Web.Tests.Features.Staffing;

/// <summary>Who may see and change a crèche's staffing and freezes: its director, the agents and admins of its territory.</summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class StaffingAccessTests(BerceauApp app)
{
    private static IEnumerable<string> Pages(Facility creche, Guid freeze) =>
    [
        $"/pro/structures/{creche.Id}/personnel", $"/pro/structures/{creche.Id}/personnel/modifier",
        $"/pro/structures/{creche.Id}/personnel/gel", $"/pro/structures/{creche.Id}/personnel/gel/{freeze}/fin",
    ];

    [Fact]
    public async Task AnotherDirector_AnAgentOfAnotherCommune_ACommitteeMemberAndAFamily_AreRefused_AndChangeNothing()
    {
        var creche = await app.CrecheAsync();
        var other = await app.CrecheAsync(NoisyLeGrand);
        var freeze = await app.FreezeAsync(creche, 0, 2, Today(app));
        using var otherDirector = await app.SignedInAsync(Roles.Director, facility: other.Id.Value);
        using var otherAgent = await app.SignedInAsync(Roles.Agent, commune: NoisyLeGrand);
        using var committee = await app.SignedInAsync(Roles.Committee, commune: Villepinte);
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        var token = await Forms.AntiforgeryTokenAsync(otherAgent, $"/pro/structures/{other.Id}/personnel/gel");

        foreach (var client in new[] { otherDirector, otherAgent, committee, family })
        {
            foreach (var url in Pages(creche, freeze.Id))
            {
                OfferTestData.AssertForbidden(await client.GetAsync(url));
            }
        }
        using var post = new FormUrlEncodedContent([
            KeyValuePair.Create("Input.SectionId", creche.Sections[0].Id.ToString()), KeyValuePair.Create("Input.Places", "1"),
            KeyValuePair.Create("Input.From", Iso(Today(app))), KeyValuePair.Create("Input.Reason", "Tentative d’un autre"),
            KeyValuePair.Create(Forms.TokenField, token)]);
        OfferTestData.AssertForbidden(await otherAgent.PostAsync($"/pro/structures/{creche.Id}/personnel/gel", post));
        using var end = new FormUrlEncodedContent([KeyValuePair.Create("ReopenOn", Iso(Today(app))), KeyValuePair.Create(Forms.TokenField, token)]);
        OfferTestData.AssertForbidden(await otherAgent.PostAsync($"/pro/structures/{creche.Id}/personnel/gel/{freeze.Id}/fin", end));

        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync($"/pro/structures/{creche.Id}/personnel")).StatusCode);
        var unchanged = Assert.Single(await app.FreezesAsync(creche));
        Assert.Null(unchanged.To);
    }

    [Fact]
    public async Task TheDirector_TheCommunesAgent_AndTheDepartementsAdmin_MayOpenEveryPage()
    {
        var creche = await app.CrecheAsync();
        var freeze = await app.FreezeAsync(creche, 1, 2, Today(app));
        using var director = await app.SignedInAsync(Roles.Director, facility: creche.Id.Value);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);
        using var admin = await app.SignedInAsync(Roles.Admin, departement: "93");

        foreach (var client in new[] { director, agent, admin })
        {
            foreach (var url in Pages(creche, freeze.Id))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task AChildminder_HasNoStaffingForms_AndAnUnknownStructureIsNotFound()
    {
        var childminder = await app.SaveAsync(TestData.Childminder(Villepinte, "Awa Test", "93420", 48.96, 2.54, new Agrement(3, 0, 72, null, null)));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: Villepinte);

        var page = await Forms.TextAsync(await agent.GetAsync($"/pro/structures/{childminder.Id}/personnel"));

        Assert.Contains("Le tableau des effectifs concerne les crèches", page);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/structures/{childminder.Id}/personnel/modifier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/structures/{childminder.Id}/personnel/gel")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/pro/structures/{Guid.NewGuid()}/personnel")).StatusCode);
    }
}
