using System.Globalization;
using Berceau.Domain.Applications;

namespace Berceau.Domain.Grid;

/// <summary>The grid in plain French, for the public page, the simulator and the family's breakdown.</summary>
public static class GridText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string SituationName(GuardianSituation situation) => situation switch
    {
        GuardianSituation.Employed => "en emploi",
        GuardianSituation.Training => "en formation",
        GuardianSituation.JobSeeker => "en recherche d’emploi",
        GuardianSituation.Insertion => "en parcours d’insertion",
        _ => "autre situation",
    };

    public static string ConditionName(BonusCondition condition) => condition switch
    {
        BonusCondition.AParentJobSeeker => "un parent en recherche d’emploi",
        BonusCondition.AParentInInsertion => "un parent en parcours d’insertion",
        BonusCondition.AParentInTraining => "un parent en formation",
        BonusCondition.SingleParent => "famille monoparentale",
        BonusCondition.DisabilityInHousehold => "handicap d’un membre du foyer",
        BonusCondition.SocialSupport => "accompagnement par la PMI ou un service social",
        BonusCondition.SiblingInStructure => "frère ou sœur déjà accueilli",
        BonusCondition.HomeSector => "structure du secteur de la famille",
        BonusCondition.PartnerEmployer => "employeur partenaire",
        _ => condition.ToString(),
    };

    /// <summary>« de 0 à 700 € », « de 700,01 à 1 200 € », « plus de 1 200 € » (French digits grouping: a narrow no-break space).</summary>
    public static string BandName(IReadOnlyList<QuotientBand> bands, int index)
    {
        var band = bands[index];
        var from = index == 0 ? 0m : bands[index - 1].UpTo!.Value + 0.01m;
        return band.UpTo is { } upTo
            ? string.Format(French, "de {0:#,0.##} à {1:#,0.##} €", from, upTo)
            : string.Format(French, "plus de {0:#,0.##} €", index == 0 ? 0m : bands[index - 1].UpTo!.Value);
    }

    public static string Points(int points) => points is 1 or -1 ? $"{points} point" : $"{points} points";
}
