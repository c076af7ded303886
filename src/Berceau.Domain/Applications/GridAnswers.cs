using Berceau.Domain.Offer;

namespace Berceau.Domain.Applications;

/// <summary>
/// The answers of an application that only the points grid reads (docs/guichet.md, « Les questions de la grille »): what the
/// guichet may correct after submission (<see cref="Application.CorrectGridAnswers"/>).
/// </summary>
public sealed record GridAnswers(decimal? QuotientFamilial, bool SocialSupport, IReadOnlyList<FacilityId> SiblingFacilities,
    IReadOnlyList<FacilityId> PartnerEmployerFacilities)
{
    /// <summary>The reason is shown to the family in its timeline with what changed, in one line of the history.</summary>
    public const int MaxReasonLength = 120;

    public static GridAnswers Of(Application a) => new(a.QuotientFamilial, a.SocialSupport, a.SiblingFacilities, a.PartnerEmployerFacilities);

    /// <summary>What differs in <paramref name="next"/>, as the family reads it (« quotient familial, frère ou sœur »).</summary>
    public IReadOnlyList<string> Changes(GridAnswers next)
    {
        var changes = new List<string>();
        if (QuotientFamilial != next.QuotientFamilial) changes.Add("quotient familial");
        if (SocialSupport != next.SocialSupport) changes.Add("accompagnement PMI ou social");
        if (!SiblingFacilities.ToHashSet().SetEquals(next.SiblingFacilities)) changes.Add("frère ou sœur");
        if (!PartnerEmployerFacilities.ToHashSet().SetEquals(next.PartnerEmployerFacilities)) changes.Add("employeur partenaire");
        return changes;
    }
}
