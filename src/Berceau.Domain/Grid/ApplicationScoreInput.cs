using Berceau.Domain.Applications;

namespace Berceau.Domain.Grid;

/// <summary>
/// What the grid reads from an application: the same questions as the public simulator, answered by the application's data, so
/// that the score a commission uses is the one the family could have computed itself.
/// </summary>
public static class ApplicationScoreInput
{
    /// <param name="submittedOn">The day the application was submitted, in the commune's time zone (seniority counts from it).</param>
    public static ScoreInput For(Application application, DateOnly? submittedOn) =>
        For(Commission.ExaminedApplication.Of(application), submittedOn);

    /// <inheritdoc cref="For(Application, DateOnly?)"/>
    public static ScoreInput For(Commission.ExaminedApplication application, DateOnly? submittedOn) => new()
    {
        // A guardian whose situation was not given scores as « autre situation », never as employed.
        Parents = [.. application.GuardianSituations.Select(s => s ?? GuardianSituation.Other)],
        SingleParent = application.GuardianSituations.Count == 1,
        QuotientFamilial = application.QuotientFamilial,
        DisabilityInHousehold = application.DisabledMemberInHousehold,
        SocialSupport = application.SocialSupport,
        SubmittedOn = submittedOn,
        FamilySector = application.SectorId,
        SiblingStructures = Set(application.SiblingFacilities),
        PartnerEmployerStructures = Set(application.PartnerEmployerFacilities),
    };

    // Most families name none: no set to build for them (a commission's freeze scores tens of thousands at once).
    private static IReadOnlySet<Offer.FacilityId> Set(IReadOnlyList<Offer.FacilityId> structures) =>
        structures.Count == 0 ? System.Collections.Frozen.FrozenSet<Offer.FacilityId>.Empty : structures.ToHashSet();
}
