using Berceau.Domain.Access;
using Berceau.Web.Tests.Features.OccasionalCare;
using Berceau.Web.Tests.Features.Offer;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.SolutionGaps;

/// <summary>The ways in to occasional care, info meetings and the follow-up: the /pro home by role, the family menu.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class SolutionNavigationTests(BerceauApp app)
{
    [Fact]
    public async Task ProHome_ForAnAgent_LinksToOccasionalCareMeetingsAndTheFollowUp()
    {
        using var agent = await app.SignedInAsync(Roles.Agent, commune: GapsTestData.Commune);

        var html = await Forms.TextAsync(await agent.GetAsync("/pro"));

        Assert.Contains("href=\"/pro/accueil-occasionnel\"", html);
        Assert.Contains("href=\"/pro/reunions\"", html);
        Assert.Contains("href=\"/pro/suivi\"", html);
    }

    [Fact]
    public async Task ProHome_ForADirector_LinksToOccasionalCareOnly()
    {
        var facility = await OccasionalTestData.CrecheAsync(app, commune: GapsTestData.Commune, prefix: "Crèche nav");
        using var director = await OccasionalTestData.DirectorAsync(app, facility);

        var html = await Forms.TextAsync(await director.GetAsync("/pro"));

        Assert.Contains("href=\"/pro/accueil-occasionnel\"", html);
        Assert.DoesNotContain("href=\"/pro/reunions\"", html);
        Assert.DoesNotContain("href=\"/pro/suivi\"", html);
    }

    [Fact]
    public async Task ProHome_ForACommitteeMember_HasNoLinkToPagesItCannotOpen()
    {
        using var committee = await app.SignedInAsync(Roles.Committee, commune: GapsTestData.Commune);

        var html = await Forms.TextAsync(await committee.GetAsync("/pro"));

        Assert.DoesNotContain("href=\"/pro/accueil-occasionnel\"", html);
        Assert.DoesNotContain("href=\"/pro/reunions\"", html);
        Assert.DoesNotContain("href=\"/pro/suivi\"", html);
    }

    [Fact]
    public async Task TheFamilyMenu_LinksToOccasionalCareAndItsMeetings_StaffMenuDoesNot()
    {
        var (family, _, _) = await Accounts.SignInAsNewFamilyAsync(app);
        using var agent = await app.SignedInAsync(Roles.Agent, commune: GapsTestData.Commune);

        var familyHome = await Forms.TextAsync(await family.GetAsync("/"));
        var agentHome = await Forms.TextAsync(await agent.GetAsync("/"));

        Assert.Contains("href=\"/famille/accueil-occasionnel\"", familyHome);
        Assert.Contains("Accueil occasionnel", familyHome);
        Assert.Contains("href=\"/famille/reunions\"", familyHome);
        Assert.Contains("Mes réunions", familyHome);
        Assert.DoesNotContain("href=\"/famille/accueil-occasionnel\"", agentHome);
        Assert.DoesNotContain("href=\"/famille/reunions\"", agentHome);
    }
}
