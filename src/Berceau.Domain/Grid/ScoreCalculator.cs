using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Grid;

/// <summary>What the grid needs to know about a family: the answers of the simulator, or an application's data.</summary>
public sealed record ScoreInput
{
    public IReadOnlyList<GuardianSituation> Parents { get; init; } = [];
    public bool SingleParent { get; init; }
    /// <summary>Euros a month (CAF); null when the family did not give it: no points for that criterion.</summary>
    public decimal? QuotientFamilial { get; init; }
    public bool DisabilityInHousehold { get; init; }
    public bool SocialSupport { get; init; }
    /// <summary>When the application was submitted; null for a simulation before applying (no seniority yet).</summary>
    public DateOnly? SubmittedOn { get; init; }
    public Guid? FamilySector { get; init; }
    public IReadOnlySet<FacilityId> SiblingStructures { get; init; } = System.Collections.Frozen.FrozenSet<FacilityId>.Empty;
    public IReadOnlySet<FacilityId> PartnerEmployerStructures { get; init; } = System.Collections.Frozen.FrozenSet<FacilityId>.Empty;
}

/// <summary>A wished structure, as far as the grid is concerned.</summary>
public sealed record WishedStructure(FacilityId Id, Guid? SectorId);

/// <summary>One line of a score, readable by the family: « Parent 2 : en formation — 20 points ».</summary>
public sealed record ScoreLine(Criterion Criterion, string Label, int Points);

public sealed record ScoreBreakdown(IReadOnlyList<ScoreLine> Lines)
{
    public int Total => Lines.Sum(line => line.Points);
}

/// <summary>
/// Applies a grid to a family, on a given day (the commission's freeze date: seniority counts up to it). The family's score is
/// the same at every structure but for the structure criteria (sibling, sector, partner employer) and bonuses, so
/// <see cref="ForStructure"/> adds those lines to <see cref="ForFamily"/>'s. Every line is kept, zero or not, so that the
/// family sees each criterion of the grid and what it gave.
/// </summary>
public static class ScoreCalculator
{
    public static ScoreBreakdown ForFamily(PointsGrid grid, ScoreInput input, DateOnly on) => new(FamilyLines(grid, input, on).ToList());

    /// <summary>The criteria that depend on the wished structure: the lines <see cref="ForStructure"/> adds to the family's.</summary>
    public static bool IsPerStructure(Criterion criterion) =>
        criterion is Criterion.SiblingInStructure or Criterion.HomeSector or Criterion.PartnerEmployer or Criterion.StructureBonus;

    public static ScoreBreakdown ForStructure(PointsGrid grid, ScoreInput input, DateOnly on, WishedStructure structure)
    {
        var lines = FamilyLines(grid, input, on).ToList();
        AddStructureLines(lines, grid, input, structure);
        return new(lines);
    }

    /// <summary>
    /// <see cref="ForStructure"/> at each of a family's wished structures, the family's lines computed once and shared by the
    /// breakdowns (a département's freeze scores tens of thousands of families at six structures each): the same lines, in the
    /// same order.
    /// </summary>
    public static IReadOnlyList<ScoreBreakdown> ForStructures(PointsGrid grid, ScoreInput input, DateOnly on, IReadOnlyList<WishedStructure> structures)
    {
        var family = FamilyLines(grid, input, on).ToList();
        var breakdowns = new ScoreBreakdown[structures.Count];
        for (var i = 0; i < structures.Count; i++)
        {
            var lines = new List<ScoreLine>(family.Count + 3);
            lines.AddRange(family);
            AddStructureLines(lines, grid, input, structures[i]);
            breakdowns[i] = new(lines);
        }
        return breakdowns;
    }

    private static void AddStructureLines(List<ScoreLine> lines, PointsGrid grid, ScoreInput input, WishedStructure structure)
    {
        lines.Add(new(Criterion.SiblingInStructure, "Frère ou sœur déjà accueilli dans cette structure",
            Holds(BonusCondition.SiblingInStructure, input, structure) ? grid.SiblingInStructure : 0));
        lines.Add(new(Criterion.HomeSector, "Structure de votre secteur",
            Holds(BonusCondition.HomeSector, input, structure) ? grid.HomeSector : 0));
        lines.Add(new(Criterion.PartnerEmployer, "Employeur partenaire de cette structure",
            Holds(BonusCondition.PartnerEmployer, input, structure) ? grid.PartnerEmployer : 0));
        foreach (var bonus in grid.StructureBonuses)
        {
            if (bonus.Structure != structure.Id) continue;
            lines.Add(new(Criterion.StructureBonus, $"Bonus de cette structure : {GridText.ConditionName(bonus.Condition)}",
                Holds(bonus.Condition, input, structure) ? bonus.Points : 0));
        }
    }

    /// <summary>
    /// Full months from <paramref name="from"/> to <paramref name="to"/> (0 when not yet one month). A month after the 30th or 31st
    /// ends on the last day of a shorter month (31 January → 28 February), as a family would count it.
    /// </summary>
    public static int FullMonths(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }

    private static IEnumerable<ScoreLine> FamilyLines(PointsGrid grid, ScoreInput input, DateOnly on)
    {
        for (var p = 0; p < input.Parents.Count; p++)
        {
            var situation = input.Parents[p];
            yield return new(Criterion.ParentSituation, $"Parent {p + 1} : {GridText.SituationName(situation)}", grid.PerParent.For(situation));
        }
        yield return new(Criterion.SingleParent, "Famille monoparentale", input.SingleParent ? grid.SingleParent : 0);
        if (grid.QuotientBands.Count > 0)
        {
            var band = input.QuotientFamilial is { } qf ? BandOf(grid.QuotientBands, qf) : -1;
            yield return new(Criterion.QuotientFamilial,
                band < 0 ? "Quotient familial non renseigné" : $"Quotient familial : {GridText.BandName(grid.QuotientBands, band)}",
                band < 0 ? 0 : grid.QuotientBands[band].Points);
        }
        yield return new(Criterion.DisabilityInHousehold, "Handicap d’un membre du foyer", input.DisabilityInHousehold ? grid.DisabilityInHousehold : 0);
        yield return new(Criterion.SocialSupport, "Accompagnement par la PMI ou un service social", input.SocialSupport ? grid.SocialSupport : 0);
        var months = input.SubmittedOn is { } submitted ? Math.Min(FullMonths(submitted, on), grid.MaxMonthsCounted) : 0;
        yield return new(Criterion.Seniority, $"Ancienneté de la demande : {months} mois", months * grid.PointsPerMonthWaited);
    }

    /// <summary>The index of the first band that holds <paramref name="qf"/>, or the last band.</summary>
    private static int BandOf(IReadOnlyList<QuotientBand> bands, decimal qf)
    {
        for (var i = 0; i < bands.Count; i++) if (bands[i].UpTo is null || qf <= bands[i].UpTo) return i;
        return bands.Count - 1;
    }

    private static bool Holds(BonusCondition condition, ScoreInput input, WishedStructure structure) => condition switch
    {
        BonusCondition.AParentJobSeeker => input.Parents.Contains(GuardianSituation.JobSeeker),
        BonusCondition.AParentInInsertion => input.Parents.Contains(GuardianSituation.Insertion),
        BonusCondition.AParentInTraining => input.Parents.Contains(GuardianSituation.Training),
        BonusCondition.SingleParent => input.SingleParent,
        BonusCondition.DisabilityInHousehold => input.DisabilityInHousehold,
        BonusCondition.SocialSupport => input.SocialSupport,
        BonusCondition.SiblingInStructure => input.SiblingStructures.Contains(structure.Id),
        BonusCondition.HomeSector => structure.SectorId is { } sector && input.FamilySector == sector,
        BonusCondition.PartnerEmployer => input.PartnerEmployerStructures.Contains(structure.Id),
        _ => false,
    };
}
