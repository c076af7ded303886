using Berceau.Web.Tests.Features.Applications.BackOffice;
using Berceau.Web.Tests.Support;
using static Berceau.Web.Tests.Features.Applications.ApplicationTestData;
using static Berceau.Web.Tests.Features.Applications.Guichet.GuichetTestData;

namespace Berceau.Web.Tests.Features.Applications.Guichet;

/// <summary>The first step of a new application, one partial for the family and the counter: its question, its refusal.</summary>
[Collection(AppCollection3.Name)]
[Trait("Category", "Database")]
public sealed class CommuneChoiceTests(BerceauApp app)
{
    [Fact]
    public async Task TheFamily_IsAskedItsCommune_AndAnUnknownOneIsToldNextToTheField()
    {
        var (family, _) = await app.SignedInFamilyAsync();

        var page = await Forms.TextAsync(await family.GetAsync("/famille/demandes/nouvelle"));
        using var unknown = await family.GetAsync("/famille/demandes/nouvelle?commune=99999");

        Assert.Contains("<h1 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--l\" for=\"Commune\">Dans quelle commune habitez-vous ?</label></h1>", page);
        Assert.Contains("Votre demande concerne les crèches de votre commune de résidence.", page);
        Assert.Contains(">Bondy (93010)</option>", page);
        Assert.Equal(["Choisissez la commune où vous habitez."], await Forms.ErrorSummaryAsync(unknown));
    }

    [Fact]
    public async Task TheAgent_IsOfferedTheCommunesOfTheirTerritory_AndAnotherOneIsRefused()
    {
        using var agent = await app.SignedInAgentAsync(Bondy);

        var page = await Forms.TextAsync(await agent.GetAsync("/pro/demandes/nouvelle"));
        using var outside = await agent.GetAsync("/pro/demandes/nouvelle?commune=" + Montreuil);

        Assert.Contains("Dans quelle commune la famille habite-t-elle ?", page);
        Assert.Contains(">Bondy (93010)</option>", page);
        Assert.DoesNotContain("(93048)</option>", page);
        Assert.Equal(["Choisissez une commune de votre territoire."], await Forms.ErrorSummaryAsync(outside));
    }
}
