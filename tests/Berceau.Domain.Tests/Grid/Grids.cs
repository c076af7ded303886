using Berceau.Domain.Grid;

namespace Berceau.Domain.Tests.Grid;

/// <summary>A grid like Metz's published one, simplified: the hand-checked cases below are computed from it.</summary>
internal static class Grids
{
    public static readonly DateOnly Start = new(2026, 1, 1);

    public static PointsGrid Metz() => new()
    {
        CommuneCode = "93048",
        Version = 1,
        ValidFrom = Start,
        PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
        SingleParent = 20,
        QuotientBands = [new(700m, 15), new(1200m, 10), new(null, 0)],
        SiblingInStructure = 25,
        DisabilityInHousehold = 40,
        SocialSupport = 30,
        PointsPerMonthWaited = 2,
        MaxMonthsCounted = 12,
        HomeSector = 10,
        PartnerEmployer = 50,
    };
}
