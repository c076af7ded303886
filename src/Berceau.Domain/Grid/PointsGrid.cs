using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Grid;

/// <summary>The criteria a commune's points grid may reward (RULES §5: objective, public, non-discriminatory).</summary>
public enum Criterion
{
    /// <summary>Per parent, by situation (employed, training, job seeker, insertion, other).</summary>
    ParentSituation,
    SingleParent,
    /// <summary>By band of quotient familial (CAF, euros a month).</summary>
    QuotientFamilial,
    /// <summary>A brother or sister already in the wished structure (per structure).</summary>
    SiblingInStructure,
    DisabilityInHousehold,
    /// <summary>Followed by the PMI or a social service, who asked for a place.</summary>
    SocialSupport,
    /// <summary>Per full month waited since the application was submitted, up to a cap.</summary>
    Seniority,
    /// <summary>The wished structure is in the family's sector (per structure).</summary>
    HomeSector,
    /// <summary>A parent works for an employer partner of the wished structure (per structure).</summary>
    PartnerEmployer,
    /// <summary>Extra points of the wished structure (<see cref="StructureBonus"/>).</summary>
    StructureBonus,
}

/// <summary>Points per parent for each situation.</summary>
public sealed record SituationPoints(int Employed, int Training, int JobSeeker, int Insertion, int Other)
{
    public int For(GuardianSituation situation) => situation switch
    {
        GuardianSituation.Employed => Employed,
        GuardianSituation.Training => Training,
        GuardianSituation.JobSeeker => JobSeeker,
        GuardianSituation.Insertion => Insertion,
        _ => Other,
    };
}

/// <summary>A band of quotient familial: up to <see cref="UpTo"/> euros included (null: no upper limit, the last band).</summary>
public sealed record QuotientBand(decimal? UpTo, int Points);

/// <summary>What a structure may give extra points for: yes-or-no facts about the family.</summary>
public enum BonusCondition
{
    AParentJobSeeker,
    AParentInInsertion,
    AParentInTraining,
    SingleParent,
    DisabilityInHousehold,
    SocialSupport,
    SiblingInStructure,
    HomeSector,
    PartnerEmployer,
}

/// <summary>Extra points a structure gives on top of the grid's (e.g. an AVIP crèche, for a parent seeking a job).</summary>
public sealed record StructureBonus(FacilityId Structure, BonusCondition Condition, int Points);

/// <summary>
/// One version of a commune's points grid, in force from <see cref="ValidFrom"/> to <see cref="ValidTo"/> (both included; null:
/// until a new version). A commission uses the version in force at its freeze date (<see cref="GridVersions.InForce"/>).
/// Checked by <see cref="PointsGridRules.Check"/>; scores by <see cref="ScoreCalculator"/>.
/// </summary>
public sealed record PointsGrid
{
    public const int MaxPoints = 1000;
    public const int MaxMonthsCap = 120;

    public required string CommuneCode { get; init; }
    public required int Version { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public required SituationPoints PerParent { get; init; }
    public int SingleParent { get; init; }
    public IReadOnlyList<QuotientBand> QuotientBands { get; init; } = [];
    public int SiblingInStructure { get; init; }
    public int DisabilityInHousehold { get; init; }
    public int SocialSupport { get; init; }
    public int PointsPerMonthWaited { get; init; }
    public int MaxMonthsCounted { get; init; }
    public int HomeSector { get; init; }
    public int PartnerEmployer { get; init; }
    public IReadOnlyList<StructureBonus> StructureBonuses { get; init; } = [];

    public bool InForceOn(DateOnly day) => day >= ValidFrom && (ValidTo is null || day <= ValidTo);
}
