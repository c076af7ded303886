using Berceau.Domain.Difficulty;
using Berceau.Domain.Offer;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Difficulty;

/// <summary>
/// The alert rules of the structures in difficulty, on fixtures written out by hand (thresholds 70 % occupancy, 1 frozen place,
/// 20 % vacant positions, occupancy kept 12 months), then as properties over random facts.
/// </summary>
public class DifficultyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DifficultyThresholds Defaults = new();
    private static readonly FacilityId Creche = FacilityId.New();

    private static StructureSignal Signal(SignalKind kind, DateOnly on, int? percent = null, string? note = "Constat de la visite") =>
        StructureSignal.Record(Creche, kind, on, percent, kind == SignalKind.Occupancy ? null : note, Today, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), "conseillere").Value;

    private static StructureFacts Facts(int frozen = 0, int filled = 0, int vacant = 0, bool table = true, params StructureSignal[] signals) =>
        new(30, frozen, frozen > 0 ? ["Deux postes d’auxiliaire vacants"] : [], table, filled, vacant, signals);

    [Fact]
    public void AHealthyStructure_HasNoAlert_AndItsOccupancyIsNotAvailable_WithoutAReport()
    {
        var assessment = DifficultyRules.Assess(Facts(filled: 9, vacant: 1), Defaults, Today);

        Assert.Empty(assessment.Alerts);
        Assert.Null(assessment.Occupancy);
        // 1 vacant of 10 = 10 %, under 20 %.
        Assert.Equal(10, assessment.VacancyRatePercent);
    }

    [Fact]
    public void EachSignal_GivesItsOwnAlert_WithItsCause()
    {
        var facts = Facts(frozen: 6, filled: 8, vacant: 2, table: true,
            Signal(SignalKind.Occupancy, new DateOnly(2026, 9, 30), 58),
            Signal(SignalKind.PmiFinding, new DateOnly(2026, 10, 12), note: "Biberonnerie non conforme"),
            Signal(SignalKind.FinancialAlert, new DateOnly(2026, 11, 2), note: "Déficit de 40 000 € annoncé"));

        var alerts = DifficultyRules.Assess(facts, Defaults, Today).Alerts;

        Assert.Equal([AlertKind.LowOccupancy, AlertKind.FrozenPlaces, AlertKind.VacantPositions, AlertKind.PmiFinding, AlertKind.FinancialAlert],
            alerts.Select(a => a.Kind));
        Assert.Equal("Taux d’occupation de 58 % relevé le 30/09/2026, sous le seuil de 70 %.", alerts[0].Cause);
        Assert.Equal("6 places sur 30 fermées faute de personnel aujourd’hui. Motif : Deux postes d’auxiliaire vacants.", alerts[1].Cause);
        // 2 of 10 = 20 %: the threshold is reached (« at least »).
        Assert.Equal("2 postes vacants sur 10 (20 %), seuil de 20 %.", alerts[2].Cause);
        Assert.Equal("Constat de contrôle PMI du 12/10/2026 : Biberonnerie non conforme", alerts[3].Cause);
        Assert.Equal("Alerte financière du 02/11/2026 : Déficit de 40 000 € annoncé", alerts[4].Cause);
    }

    [Fact]
    public void TheLatestOccupancyCounts_AndAReportOlderThanTwelveMonths_NoLonger()
    {
        var old = Signal(SignalKind.Occupancy, new DateOnly(2025, 10, 31), 40);
        var recent = Signal(SignalKind.Occupancy, new DateOnly(2026, 6, 30), 82);

        // The recent rate (82 %) replaces the low one: no alert.
        var both = DifficultyRules.Assess(Facts(table: false, signals: [old, recent]), Defaults, Today);
        Assert.Empty(both.Alerts);
        Assert.Equal(82, both.Occupancy!.Percent);

        // Alone, the rate of 31/10/2025 is more than 12 months old on 24/11/2026: « non disponible », no alert.
        var stale = DifficultyRules.Assess(Facts(table: false, signals: [old]), Defaults, Today);
        Assert.Null(stale.Occupancy);
        Assert.Empty(stale.Alerts);
    }

    [Fact]
    public void ALiftedFinding_NoLongerAlerts_AndNoStaffingTable_GivesNoVacancyAlert()
    {
        var finding = Signal(SignalKind.PmiFinding, new DateOnly(2026, 10, 12));
        Assert.True(finding.Lift(new DateOnly(2026, 11, 20), "Contre-visite : travaux faits", Today, "conseillere").IsSuccess);

        var assessment = DifficultyRules.Assess(Facts(table: false, signals: [finding]), Defaults, Today);

        Assert.Empty(assessment.Alerts);
        Assert.Null(assessment.VacancyRatePercent);
    }

    [Fact]
    public void TheThresholds_AreThoseConfigured()
    {
        var strict = new DifficultyThresholds(OccupancyBelowPercent: 90, FrozenPlacesFrom: 5, VacancyRateFromPercent: 10);
        var facts = Facts(frozen: 4, filled: 9, vacant: 1, table: true, Signal(SignalKind.Occupancy, new DateOnly(2026, 10, 31), 85));

        var alerts = DifficultyRules.Assess(facts, strict, Today).Alerts.Select(a => a.Kind).ToList();

        // 85 % < 90 %, 4 frozen < 5, 10 % ≥ 10 %.
        Assert.Equal([AlertKind.LowOccupancy, AlertKind.VacantPositions], alerts);
        Assert.Contains(new DifficultyThresholds(0, 1, 20, 12).Check(), p => p.Field == nameof(DifficultyThresholds.OccupancyBelowPercent));
        Assert.Empty(Defaults.Check());
    }

    [Fact]
    public void ASignal_IsRefused_WithoutItsFacts()
    {
        var noKind = StructureSignal.Record(Creche, null, Today, null, "Constat", Today, DateTimeOffset.UtcNow, "c");
        var future = StructureSignal.Record(Creche, SignalKind.PmiFinding, Today.AddDays(1), null, "Constat écrit", Today, DateTimeOffset.UtcNow, "c");
        var noNote = StructureSignal.Record(Creche, SignalKind.FinancialAlert, Today, null, "  ", Today, DateTimeOffset.UtcNow, "c");
        var noRate = StructureSignal.Record(Creche, SignalKind.Occupancy, Today, null, null, Today, DateTimeOffset.UtcNow, "c");
        var badRate = StructureSignal.Record(Creche, SignalKind.Occupancy, Today, 151, null, Today, DateTimeOffset.UtcNow, "c");

        Assert.Equal("signal-kind", Assert.Single(noKind.Problems).Code);
        Assert.Equal("signal-date-future", Assert.Single(future.Problems).Code);
        Assert.Equal("signal-note-missing", Assert.Single(noNote.Problems).Code);
        Assert.Equal("signal-percent-missing", Assert.Single(noRate.Problems).Code);
        Assert.Equal("out-of-range", Assert.Single(badRate.Problems).Code);
    }

    private static Arbitrary<(int Frozen, int Filled, int Vacant, int? Rate)> RandomFacts() =>
        Gen.Zip(Gen.Zip(Gen.Choose(0, 40), Gen.Choose(0, 30)), Gen.Zip(Gen.Choose(0, 30), Gen.Choose(-1, 120)))
            .Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2 < 0 ? (int?)null : t.Item2.Item2)).ToArbitrary();

    private static StructureFacts From((int Frozen, int Filled, int Vacant, int? Rate) f, params StructureSignal[] more) =>
        Facts(f.Frozen, f.Filled, f.Vacant, true,
            [.. f.Rate is { } r ? [Signal(SignalKind.Occupancy, new DateOnly(2026, 10, 31), r)] : Array.Empty<StructureSignal>(), .. more]);

    [Property(MaxTest = 1000)]
    public Property EachAlert_HoldsExactlyWhenItsThresholdIsReached() =>
        Prop.ForAll(RandomFacts(), f =>
        {
            var kinds = DifficultyRules.Assess(From(f), Defaults, Today).Alerts.Select(a => a.Kind).ToHashSet();
            var positions = f.Filled + f.Vacant;
            return kinds.Contains(AlertKind.LowOccupancy) == f.Rate is < 70
                && kinds.Contains(AlertKind.FrozenPlaces) == f.Frozen >= 1
                && kinds.Contains(AlertKind.VacantPositions) == (positions > 0 && f.Vacant > 0 && f.Vacant * 100 >= 20 * positions)
                && !kinds.Contains(AlertKind.PmiFinding) && !kinds.Contains(AlertKind.FinancialAlert);
        });

    [Property(MaxTest = 500)]
    public Property AFinding_AddsOneAlert_AndRemovesNone() =>
        Prop.ForAll(RandomFacts(), f =>
        {
            var before = DifficultyRules.Assess(From(f), Defaults, Today).Alerts;
            var after = DifficultyRules.Assess(From(f, Signal(SignalKind.PmiFinding, new DateOnly(2026, 11, 1))), Defaults, Today).Alerts;
            return after.Count == before.Count + 1 && before.All(after.Contains);
        });

    [Property(MaxTest = 500)]
    public Property AStricterThreshold_NeverRemovesAnAlert() =>
        Prop.ForAll(RandomFacts(), f =>
        {
            var lenient = DifficultyRules.Assess(From(f), new DifficultyThresholds(50, 5, 40), Today).Alerts.Select(a => a.Kind);
            var strict = DifficultyRules.Assess(From(f), new DifficultyThresholds(80, 1, 10), Today).Alerts.Select(a => a.Kind).ToHashSet();
            return lenient.All(strict.Contains);
        });
}
