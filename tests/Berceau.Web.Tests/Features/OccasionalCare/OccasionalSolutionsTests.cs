using Berceau.Domain.Applications;
using Berceau.Domain.Offer;
using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Features.OccasionalCare;
using Berceau.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Berceau.Web.Tests.Features.OccasionalCare.OccasionalTestData;

namespace Berceau.Web.Tests.Features.OccasionalCare;

/// <summary>The « Accueil occasionnel » section of the solutions letter: open slots of the family's commune for the child's age.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class OccasionalSolutionsTests(BerceauApp app)
{
    private static Application Waiting(string commune, DateOnly birth)
    {
        var application = new Application { Reference = $"DEM-AO-{Guid.NewGuid():N}"[..20], CommuneCode = commune, CreatedAt = BerceauApp.Now };
        var request = new ApplicationRequest
        {
            Child = new Domain.Applications.ChildInput("Noé", "Test", birth, null),
            Guardians = [new GuardianInput("Awa", "Test", GuardianSituation.Employed)],
            DesiredStart = new DateOnly(2027, 1, 4), Days = WeekDays.Weekdays, From = new(8, 0), To = new(17, 0),
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue Test", "93260", null), consent: true, BerceauApp.Now).IsSuccess);
        return application;
    }

    private async Task<SolutionsSection?> SectionAsync(Application application)
    {
        SolutionsSection? section = null;
        await app.WithScopeAsync(async services =>
        {
            var source = Assert.Single(services.GetServices<ISolutionsSource>().OfType<OccasionalCareSolutions>());
            section = await source.FindAsync(new SolutionsNeed(application, Today), CancellationToken.None);
        });
        return section;
    }

    [Fact]
    public async Task Section_ListsTheNextOpenSlotsOfTheCommune_ThatSuitTheChild_AndIsEmptyOtherwise()
    {
        var facility = await CrecheAsync(app);
        using var director = await DirectorAsync(app, facility);
        await PublishAsync(app, director, facility, Wednesday);

        var section = await SectionAsync(Waiting(Commune, new DateOnly(2025, 3, 15)));
        var baby = await SectionAsync(Waiting(OtherCommune, new DateOnly(2026, 10, 1)));

        Assert.NotNull(section);
        Assert.Equal("Accueil occasionnel", section.Heading);
        Assert.InRange(section.Items.Count, 1, OccasionalCareSolutions.MaxItems);
        Assert.All(section.Items, i => Assert.Equal("/famille/accueil-occasionnel", i.Link));
        Assert.Null(baby);
    }
}
