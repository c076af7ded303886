using System.Net;
using Berceau.Domain.Access;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Berceau.Web.Tests.Features.Offer.OfferTestData;
using static Berceau.Web.Tests.Features.Territories.SectorTestData;

namespace Berceau.Web.Tests.Features.Grid;

/// <summary>
/// An agent publishes the commune's points grid; families read it at /grille/{commune} and compute their points. Each test uses
/// its own commune: a grid's versions are the commune's history.
/// </summary>
[Collection(AppCollection2.Name)]
[Trait("Category", "Database")]
public sealed class GridPagesTests(BerceauApp app)
{
    private const string Today = "23/11/2026";

    public static (string, string)[] GridForm(string validFrom = Today, string singleParent = "20") =>
    [
        ("Input.ValidFrom", validFrom), ("Input.Employed", "30"), ("Input.Training", "25"), ("Input.JobSeeker", "20"),
        ("Input.Insertion", "30"), ("Input.Other", "0"), ("Input.SingleParent", singleParent),
        ("Input.BandUpTo[0]", "700"), ("Input.BandPoints[0]", "15"), ("Input.BandUpTo[1]", "1 200"), ("Input.BandPoints[1]", "10"),
        ("Input.BandUpTo[2]", ""), ("Input.BandPoints[2]", "0"),
        ("Input.DisabilityInHousehold", "40"), ("Input.SocialSupport", "30"), ("Input.PointsPerMonthWaited", "2"),
        ("Input.MaxMonthsCounted", "12"), ("Input.SiblingInStructure", "25"), ("Input.HomeSector", "10"), ("Input.PartnerEmployer", "50"),
    ];

    private Task<int> VersionsAsync(string commune) => app.WithDbAsync(db => db.PointsGrids.CountAsync(g => g.CommuneCode == commune));

    [Fact]
    public async Task AnAgent_PublishesTheGrid_AndFamiliesReadIt_AndComputeTheirPoints_CriterionByCriterion()
    {
        const string bagnolet = "93006";
        var before = await Forms.TextAsync(await app.Client().GetAsync($"/grille/{bagnolet}"));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: bagnolet);

        using var response = await Forms.PostFormAsync(agent, $"/pro/grilles/{bagnolet}", GridForm());

        Assert.Contains("n’a pas encore publié sa grille", before);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var staffPage = await Forms.TextAsync(await agent.GetAsync($"/pro/grilles/{bagnolet}"));
        Assert.Contains("Version 1 publiée : en vigueur à partir du 23/11/2026.", staffPage);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Grille" && a.EntityId == bagnolet + "/1").ToListAsync());
        Assert.Equal("grille.publication", Assert.Single(audit).Action);

        var page = await Forms.TextAsync(await app.Client().GetAsync($"/grille/{bagnolet}"));
        Assert.Contains("Version 1, en vigueur depuis le 23/11/2026", page);
        Assert.Contains("Quotient familial de 700,01 à 1", page);

        var simulated = await Forms.TextAsync(await app.Client().GetAsync(
            $"/grille/{bagnolet}?Parent1=emploi&Parent2=recherche&Quotient=950&Disability=non&Support=oui"));
        Assert.Contains("Vos points : 90 points", simulated);  // 30 + 20 + 10 (QF) + 30 (PMI)
        Assert.Contains("Parent 2 : en recherche d’emploi", simulated);
    }

    [Fact]
    public async Task ANewVersion_ClosesTheCurrentOneTheDayBefore_AndFamiliesSeeTheCurrentUntilThen()
    {
        const string bobigny = "93008";
        using var agent = await app.SignedInAsync(Roles.Agent, commune: bobigny);
        (await Forms.PostFormAsync(agent, $"/pro/grilles/{bobigny}", GridForm())).Dispose();

        using var response = await Forms.PostFormAsync(agent, $"/pro/grilles/{bobigny}", GridForm("01/01/2027", singleParent: "35"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var grids = await app.WithDbAsync(db => db.PointsGrids.Where(g => g.CommuneCode == bobigny).OrderBy(g => g.Version).ToListAsync());
        Assert.Equal([new DateOnly(2026, 12, 31), null], grids.Select(g => g.ValidTo));
        Assert.Equal(20, grids[0].ToGrid().SingleParent);
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/grille/{bobigny}"));
        Assert.Contains("Version 1, en vigueur depuis le 23/11/2026 jusqu’au 31/12/2026", page);
    }

    [Fact]
    public async Task BadValues_AreEachToldInFrench_AndNothingIsPublished()
    {
        const string bondy = "93010";
        using var agent = await app.SignedInAsync(Roles.Agent, commune: bondy);
        var form = GridForm().Select(f => f.Item1 switch
        {
            "Input.ValidFrom" => (f.Item1, "22/11/2026"),
            "Input.Employed" => (f.Item1, "beaucoup"),
            "Input.SingleParent" => (f.Item1, "-5"),
            "Input.BandUpTo[1]" => (f.Item1, "500"),
            "Input.MaxMonthsCounted" => (f.Item1, "<script>alert(1)</script>"),
            _ => f,
        }).ToArray();

        using var response = await Forms.PostFormAsync(agent, $"/pro/grilles/{bondy}", form);

        var errors = await Forms.ErrorSummaryAsync(response);
        Assert.Contains("Saisissez un nombre.", errors);
        Assert.Equal(0, await VersionsAsync(bondy));
        using var again = await Forms.PostFormAsync(agent, $"/pro/grilles/{bondy}", form);
        var html = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)", html);

        // Once every value is a number, the rules of the grid speak.
        using var ruled = await Forms.PostFormAsync(agent, $"/pro/grilles/{bondy}", GridForm("22/11/2026", singleParent: "-5")
            .Select(f => f.Item1 == "Input.BandUpTo[1]" ? (f.Item1, "500") : f).ToArray());
        var rules = await Forms.ErrorSummaryAsync(ruled);
        Assert.Contains(rules, e => e.StartsWith("La valeur doit être comprise entre 0 et 1", StringComparison.Ordinal));
        Assert.Contains("Les plafonds des tranches doivent être positifs et croissants.", rules);
        Assert.Contains(rules, e => e.StartsWith("Une nouvelle version de la grille ne peut pas commencer avant aujourd’hui", StringComparison.Ordinal));
        Assert.Equal(0, await VersionsAsync(bondy));
    }

    [Fact]
    public async Task ACrecheBonus_IsPublished_ForACrecheOfTheCommuneOnly_AndShownToFamilies()
    {
        const string pantin = "93055";
        var creche = await app.SaveAsync(CrecheAt(pantin, UniqueName("Crèche AVIP"), 2.40, 48.89));
        var elsewhere = await app.SaveAsync(CrecheAt(Montreuil, UniqueName("Ailleurs"), 2.44, 48.86));
        using var agent = await app.SignedInAsync(Roles.Agent, commune: pantin);
        (string, string)[] Bonus(Guid structure) =>
            [.. GridForm(), ("Input.BonusStructure[0]", structure.ToString()), ("Input.BonusCondition[0]", "AParentJobSeeker"), ("Input.BonusPoints[0]", "15")];

        using var refused = await Forms.PostFormAsync(agent, $"/pro/grilles/{pantin}", Bonus(elsewhere.Id.Value));
        using var published = await Forms.PostFormAsync(agent, $"/pro/grilles/{pantin}", Bonus(creche.Id.Value));

        Assert.Contains("Choisissez une structure de la commune.", await Forms.ErrorSummaryAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var grid = Assert.Single(await app.WithDbAsync(db => db.PointsGrids.Where(g => g.CommuneCode == pantin).ToListAsync())).ToGrid();
        Assert.Equal((creche.Id, Domain.Grid.BonusCondition.AParentJobSeeker, 15), (grid.StructureBonuses[0].Structure, grid.StructureBonuses[0].Condition, grid.StructureBonuses[0].Points));
        var page = await Forms.TextAsync(await app.Client().GetAsync($"/grille/{pantin}"));
        Assert.Contains($"{creche.Name} : 15 points de plus — un parent en recherche d’emploi", page);
    }

    [Fact]
    public async Task AnotherCommunesAgent_AndADirector_CannotOpenNorPublish_AndAnUnknownCommuneHasNoPublicGrid()
    {
        const string aubervilliers = "93001";
        using var other = await app.SignedInAsync(Roles.Agent, commune: Montreuil);
        using var director = await app.SignedInAsync(Roles.Director, commune: aubervilliers);

        using var get = await other.GetAsync($"/pro/grilles/{aubervilliers}");
        using var post = await Forms.PostFormToAsync(other, $"/pro/grilles/{Montreuil}", $"/pro/grilles/{aubervilliers}",
            GridForm().Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
        using var directorGet = await director.GetAsync($"/pro/grilles/{aubervilliers}");
        using var unknown = await app.Client().GetAsync("/grille/99999");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, directorGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await VersionsAsync(aubervilliers));
    }
}
