namespace Berceau.Domain.Grid;

/// <summary>
/// Which of the grid's optional questions the application form asks. A family is asked only what its commune's grid rewards
/// (a question worth no points is personal data collected for nothing); without a published grid, every question is asked,
/// so that the answers are there when the commune publishes one.
/// </summary>
public sealed record GridQuestions(bool QuotientFamilial, bool SocialSupport, bool SiblingInStructure, bool PartnerEmployer)
{
    public static GridQuestions All { get; } = new(true, true, true, true);

    public bool Any => QuotientFamilial || SocialSupport || SiblingInStructure || PartnerEmployer;

    /// <summary>
    /// The questions rewarded by at least one of <paramref name="grids"/>: the version in force and those published to start
    /// later (a family applying today is scored by a commission whose freeze date may fall under the next version).
    /// </summary>
    public static GridQuestions For(IReadOnlyCollection<PointsGrid> grids)
    {
        if (grids.Count == 0) return All;
        bool Bonus(PointsGrid g, BonusCondition c) => g.StructureBonuses.Any(b => b.Condition == c && b.Points > 0);
        return new(
            grids.Any(g => g.QuotientBands.Any(b => b.Points > 0)),
            grids.Any(g => g.SocialSupport > 0 || Bonus(g, BonusCondition.SocialSupport)),
            grids.Any(g => g.SiblingInStructure > 0 || Bonus(g, BonusCondition.SiblingInStructure)),
            grids.Any(g => g.PartnerEmployer > 0 || Bonus(g, BonusCondition.PartnerEmployer)));
    }

    /// <summary>The grids that matter from <paramref name="today"/>: the version in force and any later one.</summary>
    public static GridQuestions For(GridVersions versions, DateOnly today) =>
        For([.. versions.All.Where(v => v.ValidTo is null || v.ValidTo >= today)]);
}
