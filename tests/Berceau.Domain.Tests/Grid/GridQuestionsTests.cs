using Berceau.Domain.Grid;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Grid;

/// <summary>The form asks what the commune's grid rewards, and everything while it has none.</summary>
public class GridQuestionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>A grid that rewards only the parents' situations and seniority.</summary>
    private static PointsGrid Bare(DateOnly from, DateOnly? to = null) => Grids.Metz() with
    {
        ValidFrom = from, ValidTo = to, QuotientBands = [], SocialSupport = 0, SiblingInStructure = 0, PartnerEmployer = 0,
    };

    [Fact]
    public void WithoutAGrid_EveryQuestionIsAsked() =>
        Assert.Equal(GridQuestions.All, GridQuestions.For(new GridVersions([]), Today));

    [Fact]
    public void AGridThatRewardsEverything_AsksEverything() =>
        Assert.Equal(GridQuestions.All, GridQuestions.For(new GridVersions([Grids.Metz()]), Today));

    [Fact]
    public void AGridThatRewardsNone_AsksNone()
    {
        var questions = GridQuestions.For(new GridVersions([Bare(Grids.Start)]), Today);

        Assert.Equal(new GridQuestions(false, false, false, false), questions);
        Assert.False(questions.Any);
    }

    [Fact]
    public void QuotientBands_WorthNoPoints_AreNotAsked()
    {
        var grid = Bare(Grids.Start) with { QuotientBands = [new(700m, 0), new(null, 0)] };

        Assert.False(GridQuestions.For(new GridVersions([grid]), Today).QuotientFamilial);
    }

    [Fact]
    public void AStructureBonus_AsksItsQuestion()
    {
        var grid = Bare(Grids.Start) with { StructureBonuses = [new StructureBonus(FacilityId.New(), BonusCondition.PartnerEmployer, 10)] };

        Assert.Equal(new GridQuestions(false, false, false, true), GridQuestions.For(new GridVersions([grid]), Today));
    }

    [Fact]
    public void AVersionStartingLater_AsksItsQuestionsFromToday_AVersionEnded_DoesNot()
    {
        var ended = Grids.Metz() with { Version = 1, ValidFrom = new(2025, 1, 1), ValidTo = new(2025, 12, 31) };
        var current = Bare(Grids.Start) with { Version = 2, ValidTo = new(2026, 12, 31) };
        var next = Bare(new(2027, 1, 1)) with { Version = 3, SocialSupport = 30 };

        Assert.Equal(new GridQuestions(false, true, false, false), GridQuestions.For(new GridVersions([ended, current, next]), Today));
    }
}
