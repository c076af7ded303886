using Berceau.Domain.Applications;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using FsCheck;
using FsCheck.Xunit;
using static Berceau.Domain.Applications.GuardianSituation;

namespace Berceau.Domain.Tests.Grid;

public class ScoreCalculatorTests
{
    private static readonly DateOnly Freeze = new(2026, 11, 23);
    private static readonly Guid North = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly FacilityId Tilleuls = new(Guid.Parse("00000000-0000-0000-0000-000000000001"));
    private static readonly FacilityId Cerisiers = new(Guid.Parse("00000000-0000-0000-0000-000000000002"));

    [Fact]
    public void ACouple_OneWorking_OneSeekingAJob_QfOf950_Waiting5Months_Scores70_LineByLine()
    {
        var input = new ScoreInput { Parents = [Employed, JobSeeker], QuotientFamilial = 950m, SubmittedOn = new(2026, 6, 20) };

        var score = ScoreCalculator.ForFamily(Grids.Metz(), input, Freeze);

        Assert.Equal(
        [
            ("Parent 1 : en emploi", 30), ("Parent 2 : en recherche d’emploi", 20), ("Famille monoparentale", 0),
            ("Quotient familial : de 700,01 à 1\u202f200 €", 10), ("Handicap d’un membre du foyer", 0),
            ("Accompagnement par la PMI ou un service social", 0), ("Ancienneté de la demande : 5 mois", 10),
        ], score.Lines.Select(l => (l.Label, l.Points)));
        Assert.Equal(70, score.Total);
    }

    [Fact]
    public void ASingleParentInInsertion_FollowedByThePmi_WithADisability_LowQf_GetsEveryFamilyCriterion()
    {
        var input = new ScoreInput
        {
            Parents = [Insertion], SingleParent = true, QuotientFamilial = 420m, DisabilityInHousehold = true, SocialSupport = true,
            SubmittedOn = new(2024, 1, 5),
        };

        var score = ScoreCalculator.ForFamily(Grids.Metz(), input, Freeze);

        // 30 + 20 + 15 + 40 + 30 + 12 months × 2 (capped): 159.
        Assert.Equal(159, score.Total);
        Assert.Contains(score.Lines, l => l.Label == "Ancienneté de la demande : 12 mois" && l.Points == 24);
        Assert.Contains(score.Lines, l => l.Label == "Quotient familial : de 0 à 700 €");
    }

    [Fact]
    public void AtAStructure_SiblingSectorPartnerAndItsBonusesAreAdded_OnlyThere()
    {
        var grid = Grids.Metz() with { StructureBonuses = [new(Tilleuls, BonusCondition.AParentJobSeeker, 15), new(Cerisiers, BonusCondition.SingleParent, 5)] };
        var input = new ScoreInput
        {
            Parents = [Employed, JobSeeker], FamilySector = North, SiblingStructures = new HashSet<FacilityId> { Tilleuls },
            PartnerEmployerStructures = new HashSet<FacilityId> { Cerisiers },
        };
        var family = ScoreCalculator.ForFamily(grid, input, Freeze).Total;

        var atTilleuls = ScoreCalculator.ForStructure(grid, input, Freeze, new(Tilleuls, North));
        var atCerisiers = ScoreCalculator.ForStructure(grid, input, Freeze, new(Cerisiers, null));

        Assert.Equal(family + 25 + 10 + 0 + 15, atTilleuls.Total);
        Assert.Contains(atTilleuls.Lines, l => l.Label == "Bonus de cette structure : un parent en recherche d’emploi" && l.Points == 15);
        Assert.Equal(family + 0 + 0 + 50 + 0, atCerisiers.Total);
        Assert.Contains(atCerisiers.Lines, l => l.Label == "Bonus de cette structure : famille monoparentale" && l.Points == 0);
    }

    [Fact]
    public void WithoutAQuotient_TheLineSaysSo_AndGivesNothing_AndASimulationBeforeApplyingHasNoSeniority()
    {
        var score = ScoreCalculator.ForFamily(Grids.Metz(), new ScoreInput { Parents = [Employed, Employed] }, Freeze);

        Assert.Contains(score.Lines, l => l.Label == "Quotient familial non renseigné" && l.Points == 0);
        Assert.Contains(score.Lines, l => l.Label == "Ancienneté de la demande : 0 mois" && l.Points == 0);
        Assert.Equal(60, score.Total);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-02-28", 1)]
    [InlineData("2026-01-15", "2026-02-14", 0)]
    [InlineData("2026-06-20", "2026-11-19", 4)]
    [InlineData("2026-06-20", "2026-11-20", 5)]
    [InlineData("2026-11-23", "2026-11-01", 0)]
    public void FullMonths_CountOnlyCompletedMonths(string from, string to, int months) =>
        Assert.Equal(months, ScoreCalculator.FullMonths(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Property(MaxTest = 500)]
    public void TheTotalIsTheSumOfTheLines_AndWaitingLongerNeverLowersIt(bool single, bool disability, bool social, PositiveInt qf, byte waited, byte more)
    {
        var grid = Grids.Metz();
        var submitted = Freeze.AddDays(-waited * 7);
        var input = new ScoreInput
        {
            Parents = [Employed, Training], SingleParent = single, DisabilityInHousehold = disability, SocialSupport = social,
            QuotientFamilial = qf.Get % 3000, SubmittedOn = submitted,
        };

        var now = ScoreCalculator.ForFamily(grid, input, Freeze);
        var later = ScoreCalculator.ForFamily(grid, input, Freeze.AddDays(more));

        Assert.Equal(now.Lines.Sum(l => l.Points), now.Total);
        Assert.True(later.Total >= now.Total);
        Assert.True(later.Total - now.Total <= grid.PointsPerMonthWaited * grid.MaxMonthsCounted);
    }

    [Property(MaxTest = 500)]
    public void AStructureScore_IsNeverBelowTheFamilyScore(bool sibling, bool sector, bool partner)
    {
        var input = new ScoreInput
        {
            Parents = [Employed], FamilySector = North,
            SiblingStructures = sibling ? new HashSet<FacilityId> { Tilleuls } : new HashSet<FacilityId>(),
            PartnerEmployerStructures = partner ? new HashSet<FacilityId> { Tilleuls } : new HashSet<FacilityId>(),
        };

        var family = ScoreCalculator.ForFamily(Grids.Metz(), input, Freeze).Total;
        var structure = ScoreCalculator.ForStructure(Grids.Metz(), input, Freeze, new(Tilleuls, sector ? North : null)).Total;

        Assert.Equal(family + (sibling ? 25 : 0) + (sector ? 10 : 0) + (partner ? 50 : 0), structure);
    }

    [Property(MaxTest = 300)]
    public void ForStructures_GivesAtEachStructureTheLinesOfForStructure(bool sibling, bool sector, bool partner, bool single, byte waited)
    {
        // The freeze scores a family's wishes together (the family's lines once): the breakdowns must be ForStructure's, line by line.
        var input = new ScoreInput
        {
            Parents = single ? [Insertion] : [Employed, JobSeeker], FamilySector = North, QuotientFamilial = 800m,
            SubmittedOn = Freeze.AddDays(-waited * 3),
            SiblingStructures = sibling ? new HashSet<FacilityId> { Tilleuls } : new HashSet<FacilityId>(),
            PartnerEmployerStructures = partner ? new HashSet<FacilityId> { Cerisiers } : new HashSet<FacilityId>(),
        };
        WishedStructure[] structures = [new(Tilleuls, sector ? North : null), new(Cerisiers, North), new(Tilleuls, null)];

        var together = ScoreCalculator.ForStructures(Grids.Metz(), input, Freeze, structures);

        Assert.Equal(structures.Length, together.Count);
        for (var i = 0; i < structures.Length; i++)
            Assert.Equal(ScoreCalculator.ForStructure(Grids.Metz(), input, Freeze, structures[i]).Lines, together[i].Lines);
    }
}
