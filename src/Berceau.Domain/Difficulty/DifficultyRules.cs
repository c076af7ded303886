using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Domain.Difficulty;

/// <summary>
/// The thresholds of the alert list (configuration <c>Difficulty</c>, docs/structures-difficulty.md): a structure is in alert when
/// its occupancy rate is below <see cref="OccupancyBelowPercent"/>, when at least <see cref="FrozenPlacesFrom"/> of its places are
/// frozen for lack of staff, when at least <see cref="VacancyRateFromPercent"/> % of its positions are vacant, and for every PMI
/// finding and financial alert an advisor has not lifted. An occupancy rate older than <see cref="OccupancyMaxAgeMonths"/> months
/// no longer counts (« non disponible »).
/// </summary>
public sealed record DifficultyThresholds(int OccupancyBelowPercent = 70, int FrozenPlacesFrom = 1, int VacancyRateFromPercent = 20, int OccupancyMaxAgeMonths = 12)
{
    public IReadOnlyList<Problem> Check()
    {
        var problems = new List<Problem>();
        if (OccupancyBelowPercent is < 1 or > 100) problems.Add(Problem.Of("out-of-range", nameof(OccupancyBelowPercent), 1, 100));
        if (FrozenPlacesFrom is < 1 or > 1000) problems.Add(Problem.Of("out-of-range", nameof(FrozenPlacesFrom), 1, 1000));
        if (VacancyRateFromPercent is < 1 or > 100) problems.Add(Problem.Of("out-of-range", nameof(VacancyRateFromPercent), 1, 100));
        if (OccupancyMaxAgeMonths is < 1 or > 36) problems.Add(Problem.Of("out-of-range", nameof(OccupancyMaxAgeMonths), 1, 36));
        return problems;
    }
}

/// <summary>What the alert list knows of a structure on a day: its places, the places frozen that day and why, its staffing table, the advisors' signals.</summary>
public sealed record StructureFacts(
    int AgreedPlaces,
    int FrozenPlaces,
    IReadOnlyList<string> FreezeReasons,
    bool HasStaffingTable,
    int FilledPositions,
    int VacantPositions,
    IReadOnlyList<StructureSignal> Signals);

public enum AlertKind { LowOccupancy, FrozenPlaces, VacantPositions, PmiFinding, FinancialAlert }

/// <summary>One reason a structure is on the list, with its cause in words (figures, dates, what the advisor wrote).</summary>
public sealed record DifficultyAlert(AlertKind Kind, string Cause);

/// <summary>The alerts of a structure and the occupancy rate that counted (null: « non disponible », no recent report).</summary>
public sealed record DifficultyAssessment(IReadOnlyList<DifficultyAlert> Alerts, StructureSignal? Occupancy, int? VacancyRatePercent)
{
    public bool InDifficulty => Alerts.Count > 0;
}

/// <summary>
/// The rules of the alert list for structures in difficulty (issue 10): each signal is checked on its own and gives its cause,
/// nothing is weighted or added up into a score, so that an advisor reads why a structure is listed. Pure: the same facts and
/// thresholds give the same alerts.
/// </summary>
public static class DifficultyRules
{
    public static DifficultyAssessment Assess(StructureFacts facts, DifficultyThresholds thresholds, DateOnly today)
    {
        var alerts = new List<DifficultyAlert>();

        var occupancy = LatestOccupancy(facts.Signals, thresholds, today);
        if (occupancy is { Percent: { } rate } && rate < thresholds.OccupancyBelowPercent)
            alerts.Add(new(AlertKind.LowOccupancy,
                $"Taux d’occupation de {rate} % relevé le {Day(occupancy.On)}, sous le seuil de {thresholds.OccupancyBelowPercent} %."));

        if (facts.FrozenPlaces >= thresholds.FrozenPlacesFrom && facts.FrozenPlaces > 0)
        {
            var why = facts.FreezeReasons.Count == 0 ? "" : $" Motif : {string.Join(" ; ", facts.FreezeReasons.Distinct())}.";
            alerts.Add(new(AlertKind.FrozenPlaces,
                $"{Places(facts.FrozenPlaces)} sur {facts.AgreedPlaces} {(facts.FrozenPlaces > 1 ? "fermées" : "fermée")} faute de personnel aujourd’hui.{why}"));
        }

        int? vacancyRate = null;
        var positions = facts.FilledPositions + facts.VacantPositions;
        if (facts.HasStaffingTable && positions > 0)
        {
            // Exact in integers: vacant / positions ≥ threshold / 100.
            vacancyRate = (int)Math.Round(100.0 * facts.VacantPositions / positions, MidpointRounding.AwayFromZero);
            if (facts.VacantPositions > 0 && 100 * facts.VacantPositions >= thresholds.VacancyRateFromPercent * positions)
                alerts.Add(new(AlertKind.VacantPositions,
                    $"{facts.VacantPositions} {(facts.VacantPositions > 1 ? "postes vacants" : "poste vacant")} sur {positions} ({vacancyRate} %), seuil de {thresholds.VacancyRateFromPercent} %."));
        }

        foreach (var signal in facts.Signals.Where(s => !s.IsLifted && s.Kind != SignalKind.Occupancy).OrderBy(s => s.On).ThenBy(s => s.RecordedAt))
        {
            var kind = signal.Kind == SignalKind.PmiFinding ? AlertKind.PmiFinding : AlertKind.FinancialAlert;
            alerts.Add(new(kind, $"{signal.Kind.Label()} du {Day(signal.On)} : {signal.Note}"));
        }

        return new DifficultyAssessment(alerts, occupancy, vacancyRate);
    }

    /// <summary>The most recent occupancy report not older than the configured months (ties: the last recorded), or null.</summary>
    public static StructureSignal? LatestOccupancy(IEnumerable<StructureSignal> signals, DifficultyThresholds thresholds, DateOnly today) =>
        signals.Where(s => s.Kind == SignalKind.Occupancy && !s.IsLifted && s.On >= today.AddMonths(-thresholds.OccupancyMaxAgeMonths))
            .OrderByDescending(s => s.On).ThenByDescending(s => s.RecordedAt).FirstOrDefault();

    private static string Places(int n) => n > 1 ? $"{n} places" : "1 place";

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

public static class AlertLabels
{
    public static string Label(this AlertKind kind) => kind switch
    {
        AlertKind.LowOccupancy => "Occupation faible",
        AlertKind.FrozenPlaces => "Places gelées",
        AlertKind.VacantPositions => "Postes vacants",
        AlertKind.PmiFinding => "Contrôle PMI",
        AlertKind.FinancialAlert => "Alerte financière",
        _ => kind.ToString(),
    };
}
