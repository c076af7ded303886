using Berceau.Domain.Obligations;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Obligations;

/// <summary>The obligations of a commune by population band (RULES §6), the rules of an assessment, and compliance.</summary>
public class CommuneObligationsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(800, new[] { CommuneObligationKind.Census })]
    [InlineData(3_500, new[] { CommuneObligationKind.Census })]
    [InlineData(3_501, new[] { CommuneObligationKind.Census, CommuneObligationKind.FamilyInformation })]
    [InlineData(10_000, new[] { CommuneObligationKind.Census, CommuneObligationKind.FamilyInformation })]
    [InlineData(10_001, new[] { CommuneObligationKind.Census, CommuneObligationKind.FamilyInformation, CommuneObligationKind.ChildcareRelay, CommuneObligationKind.MultiYearPlan })]
    public void TheObligations_FollowThePopulationBands_StrictlyAboveEachThreshold(int population, CommuneObligationKind[] expected) =>
        Assert.Equal(expected, CommuneObligations.Applicable(population));

    [Property]
    public Property ALargerCommune_HasEveryObligationOfASmallerOne() =>
        Prop.ForAll(Gen.Choose(0, 3_000_000).ToArbitrary(), Gen.Choose(0, 3_000_000).ToArbitrary(), (a, b) =>
        {
            var (small, large) = a <= b ? (a, b) : (b, a);
            return CommuneObligations.Applicable(small).All(CommuneObligations.Applicable(large).Contains)
                && CommuneObligations.Applicable(small).Contains(CommuneObligationKind.Census);
        });

    private static (bool Ok, IReadOnlyList<string> Codes, CommuneObligationRecord Record) Assess(CommuneObligationKind kind, ObligationStatus? status,
        DateOnly? asOf = null, DateOnly? since = null, PlanContents contents = PlanContents.None, string? comment = null)
    {
        var record = CommuneObligationRecord.Create("93048", kind);
        var outcome = record.Assess(status, asOf ?? Today, since, contents, comment, Today, Now, "agent");
        return (outcome.IsSuccess, [.. outcome.Problems.Select(p => p.Code)], record);
    }

    [Fact]
    public void APlan_IsMetOnlyWithTheEightContentsOfD214_10_1_AndItsAdoptionDay()
    {
        var sevenOfEight = PlanContents.All & ~PlanContents.Costs;
        var (ok, codes, record) = Assess(CommuneObligationKind.MultiYearPlan, ObligationStatus.Met, since: Today.AddMonths(-3), contents: sevenOfEight);
        Assert.False(ok);
        Assert.Equal(["obligation-plan-incomplete"], codes);
        Assert.Equal(ObligationStatus.NotAssessed, record.Status);
        Assert.Equal(0, record.Version);
        var message = record.Assess(ObligationStatus.Met, Today, Today.AddMonths(-3), sevenOfEight, null, Today, Now, "agent").Problems.Single().Message;
        Assert.Contains("coûts et financements", message);

        Assert.Equal(["obligation-since-missing"], Assess(CommuneObligationKind.MultiYearPlan, ObligationStatus.Met, contents: PlanContents.All).Codes);

        var met = Assess(CommuneObligationKind.MultiYearPlan, ObligationStatus.Met, since: Today.AddMonths(-3), contents: PlanContents.All);
        Assert.True(met.Ok);
        Assert.Equal(ObligationStatus.Met, met.Record.Status);
        Assert.Equal(PlanContents.All, met.Record.Contents);
        Assert.Equal(1, met.Record.Version);

        // In progress, a draft plan may miss contents.
        Assert.True(Assess(CommuneObligationKind.MultiYearPlan, ObligationStatus.InProgress, contents: PlanContents.Diagnostic).Ok);
    }

    [Fact]
    public void AnAssessment_NeedsAStatusAndADay_NotInTheFuture_AndAShortComment()
    {
        Assert.Equal(["obligation-status-missing"], Assess(CommuneObligationKind.Census, null).Codes);
        Assert.Equal(["obligation-status-missing"], Assess(CommuneObligationKind.Census, ObligationStatus.NotAssessed).Codes);
        Assert.Equal(["obligation-status-missing"], Assess(CommuneObligationKind.Census, (ObligationStatus)42).Codes);
        Assert.Equal(["obligation-date-future"], Assess(CommuneObligationKind.Census, ObligationStatus.Met, asOf: Today.AddDays(1)).Codes);
        Assert.Equal(["obligation-date-future"], Assess(CommuneObligationKind.ChildcareRelay, ObligationStatus.Met, since: Today.AddDays(1)).Codes);
        Assert.Equal(["obligation-since-missing"], Assess(CommuneObligationKind.ChildcareRelay, ObligationStatus.Met).Codes);
        Assert.Equal(["obligation-comment-too-long"], Assess(CommuneObligationKind.Census, ObligationStatus.InProgress, comment: new string('x', 1001)).Codes);
        var none = CommuneObligationRecord.Create("93048", CommuneObligationKind.Census)
            .Assess(ObligationStatus.Met, null, null, PlanContents.None, null, Today, Now, "agent");
        Assert.Equal(["obligation-asof-missing"], none.Problems.Select(p => p.Code));
    }

    [Fact]
    public void ContentsAndDays_BelongToTheObligationsThatHaveThem()
    {
        var census = Assess(CommuneObligationKind.Census, ObligationStatus.Met, since: Today.AddYears(-1), contents: PlanContents.All, comment: "  Fait avec la Caf  ");
        Assert.True(census.Ok);
        Assert.Null(census.Record.Since);
        Assert.Equal(PlanContents.None, census.Record.Contents);
        Assert.Equal("Fait avec la Caf", census.Record.Comment);
        Assert.Equal(Now, census.Record.UpdatedAt);
        Assert.Equal("agent", census.Record.UpdatedBy);
    }

    private static CommuneObligationRecord Recorded(CommuneObligationKind kind, ObligationStatus status)
    {
        var record = CommuneObligationRecord.Create("93999", kind);
        Assert.True(record.Assess(status, Today, Today, status == ObligationStatus.Met ? PlanContents.All : PlanContents.None, null, Today, Now, "x").IsSuccess);
        return record;
    }

    [Fact]
    public void ACommune_IsCompliantWhenEveryObligationThatAppliesIsMet()
    {
        var three = new[]
        {
            Recorded(CommuneObligationKind.Census, ObligationStatus.Met),
            Recorded(CommuneObligationKind.FamilyInformation, ObligationStatus.Met),
            Recorded(CommuneObligationKind.ChildcareRelay, ObligationStatus.Met),
            Recorded(CommuneObligationKind.MultiYearPlan, ObligationStatus.InProgress),
        };
        var large = CommuneCompliance.Of("93999", "Grande", 25_000, three);
        Assert.False(large.IsCompliant);
        Assert.Equal((3, 4), (large.MetCount, large.ApplicableCount));
        Assert.Equal(ObligationStatus.InProgress, large[CommuneObligationKind.MultiYearPlan].Status);

        // A small commune: its relay, not started, does not count; nothing recorded reads « non renseignée ».
        var small = CommuneCompliance.Of("93999", "Petite", 3_000, [three[0], Recorded(CommuneObligationKind.ChildcareRelay, ObligationStatus.NotStarted)]);
        Assert.True(small.IsCompliant);
        Assert.False(small[CommuneObligationKind.ChildcareRelay].Applies);
        Assert.Equal(ObligationStatus.NotAssessed, small[CommuneObligationKind.FamilyInformation].Status);

        var nothing = CommuneCompliance.Of("93998", "Sans rien", 3_000, three);
        Assert.False(nothing.IsCompliant);
        Assert.Equal(ObligationStatus.NotAssessed, nothing[CommuneObligationKind.Census].Status);
    }
}
