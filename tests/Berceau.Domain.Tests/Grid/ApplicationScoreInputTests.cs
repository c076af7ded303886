using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Grid;

/// <summary>Each answer of the application form moves the grid line it answers, and only that line.</summary>
public class ApplicationScoreInputTests
{
    private static readonly DateOnly Freeze = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid North = Guid.NewGuid();
    private static readonly FacilityId Tilleuls = FacilityId.New();
    private static readonly FacilityId Cerisiers = FacilityId.New();

    private static readonly ApplicationRequest Plain = new()
    {
        Child = new ChildInput("Inès", "Benali", new DateOnly(2026, 6, 2), null),
        Guardians = [new GuardianInput("Sarah", "Benali", GuardianSituation.Employed), new GuardianInput("Karim", "Benali", GuardianSituation.JobSeeker)],
        DesiredStart = new DateOnly(2027, 9, 1),
        Days = WeekDays.Weekdays,
        From = new TimeOnly(8, 30),
        To = new TimeOnly(17, 30),
        Wishes = [new WishInput(Tilleuls), new WishInput(Cerisiers)],
    };

    private static Application Filled(ApplicationRequest request, Guid? sector = null)
    {
        var application = new Application { Reference = "DEM-TEST", CommuneCode = "93048" };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue A", "93100", sector), consent: true, Now).IsSuccess);
        return application;
    }

    /// <summary>The points of each criterion at a crèche (a criterion may have several lines: one per parent).</summary>
    private static Dictionary<Criterion, int> Lines(Application application, FacilityId at, Guid? sector = null) =>
        ScoreCalculator.ForStructure(Grids.Metz(), ApplicationScoreInput.For(application, new DateOnly(2026, 6, 20)), Freeze, new WishedStructure(at, sector))
            .Lines.GroupBy(l => l.Criterion).ToDictionary(g => g.Key, g => g.Sum(l => l.Points));

    /// <summary>The criteria whose points differ between two scores.</summary>
    private static IEnumerable<Criterion> Changed(Dictionary<Criterion, int> before, Dictionary<Criterion, int> after) =>
        after.Keys.Union(before.Keys).Where(c => before.GetValueOrDefault(c) != after.GetValueOrDefault(c)).Order();

    [Fact]
    public void WithoutTheGridAnswers_OnlyParentsAndSeniorityScore()
    {
        var lines = Lines(Filled(Plain), Tilleuls);

        Assert.Equal(50, lines[Criterion.ParentSituation]);
        Assert.Equal(10, lines[Criterion.Seniority]);  // 5 full months from 20/06 to 23/11, 2 points each
        Assert.Equal(0, lines[Criterion.QuotientFamilial]);
        Assert.Equal(0, lines[Criterion.SocialSupport]);
        Assert.Equal(0, lines[Criterion.SiblingInStructure]);
        Assert.Equal(0, lines[Criterion.PartnerEmployer]);
    }

    [Fact]
    public void QuotientFamilial_ScoresItsBand_AndNothingElse()
    {
        var before = Lines(Filled(Plain), Tilleuls);

        var after = Lines(Filled(Plain with { QuotientFamilial = 650m }), Tilleuls);

        Assert.Equal([Criterion.QuotientFamilial], Changed(before, after));
        Assert.Equal(15, after[Criterion.QuotientFamilial]);  // up to 700 €: 15 points
    }

    [Fact]
    public void SocialSupport_ScoresThePmiLine_AndNothingElse()
    {
        var before = Lines(Filled(Plain), Tilleuls);

        var after = Lines(Filled(Plain with { SocialSupport = true }), Tilleuls);

        Assert.Equal([Criterion.SocialSupport], Changed(before, after));
        Assert.Equal(30, after[Criterion.SocialSupport]);
    }

    [Fact]
    public void ASibling_ScoresAtItsCrecheOnly()
    {
        var application = Filled(Plain with { SiblingFacilities = [Tilleuls] });

        Assert.Equal([Criterion.SiblingInStructure], Changed(Lines(Filled(Plain), Tilleuls), Lines(application, Tilleuls)));
        Assert.Equal(25, Lines(application, Tilleuls)[Criterion.SiblingInStructure]);
        Assert.Equal(0, Lines(application, Cerisiers)[Criterion.SiblingInStructure]);
    }

    [Fact]
    public void APartnerEmployer_ScoresAtItsCrecheOnly()
    {
        var application = Filled(Plain with { PartnerEmployerFacilities = [Cerisiers] });

        Assert.Equal([Criterion.PartnerEmployer], Changed(Lines(Filled(Plain), Cerisiers), Lines(application, Cerisiers)));
        Assert.Equal(50, Lines(application, Cerisiers)[Criterion.PartnerEmployer]);
        Assert.Equal(0, Lines(application, Tilleuls)[Criterion.PartnerEmployer]);
    }

    [Fact]
    public void TheFamilySector_ScoresAtTheCrechesOfThatSector()
    {
        var application = Filled(Plain, sector: North);

        Assert.Equal(10, Lines(application, Tilleuls, sector: North)[Criterion.HomeSector]);
        Assert.Equal(0, Lines(application, Cerisiers, sector: Guid.NewGuid())[Criterion.HomeSector]);
    }

    [Fact]
    public void AStructureBonus_ReadsTheAnswers()
    {
        var grid = Grids.Metz() with { StructureBonuses = [new StructureBonus(Tilleuls, BonusCondition.SocialSupport, 15)] };
        var supported = ApplicationScoreInput.For(Filled(Plain with { SocialSupport = true }), null);

        var bonus = ScoreCalculator.ForStructure(grid, supported, Freeze, new WishedStructure(Tilleuls, null)).Lines
            .Single(l => l.Criterion == Criterion.StructureBonus);

        Assert.Equal(15, bonus.Points);
    }

    [Fact]
    public void AfterErasure_TheAnswersNoLongerScore()
    {
        var application = Filled(Plain with { QuotientFamilial = 650m, SocialSupport = true, SiblingFacilities = [Tilleuls], PartnerEmployerFacilities = [Tilleuls] });

        Assert.True(application.Erase(Now, "agent").IsSuccess);

        var input = ApplicationScoreInput.For(application, null);
        Assert.Null(input.QuotientFamilial);
        Assert.False(input.SocialSupport);
        Assert.Empty(input.SiblingStructures);
        Assert.Empty(input.PartnerEmployerStructures);
    }
}
