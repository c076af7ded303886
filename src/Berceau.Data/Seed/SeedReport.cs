using System.Globalization;
using Berceau.Domain.Offer;

namespace Berceau.Data.Seed;

/// <summary>What one run of <see cref="DemoTerritorySeeder.SeedAsync"/> added. A second run on the same data adds nothing.</summary>
public sealed record SeedReport
{
    public IReadOnlyList<string> DepartementsAdded { get; init; } = [];
    /// <summary>Départements already in the database, left untouched.</summary>
    public IReadOnlyList<string> DepartementsSkipped { get; init; } = [];
    public int Intercommunalities { get; init; }
    public int Communes { get; init; }
    public int CnafCoverages { get; init; }
    public int Births { get; init; }
    public int Facilities { get; init; }
    public int Sections { get; init; }
    public int Vacancies { get; init; }
    public IReadOnlyDictionary<CareMode, int> FacilitiesByMode { get; init; } = new Dictionary<CareMode, int>();
    /// <summary>Places (capacity) per mode; services have none.</summary>
    public IReadOnlyDictionary<CareMode, int> PlacesByMode { get; init; } = new Dictionary<CareMode, int>();
    /// <summary>Communes without Cnaf figures (under 10,000 inhabitants) whose offer was estimated from the département's ratio.</summary>
    public IReadOnlyList<string> CommunesWithEstimatedOffer { get; init; } = [];

    public bool AddedAnything => DepartementsAdded.Count > 0 || Intercommunalities > 0;

    /// <summary>A one-paragraph French summary for the CLI and the start-up log.</summary>
    public override string ToString()
    {
        if (!AddedAnything)
            return DepartementsSkipped.Count > 0
                ? $"Rien à ajouter : département(s) {string.Join(", ", DepartementsSkipped)} déjà présent(s)."
                : "Rien à ajouter.";
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        var modes = string.Join(", ", FacilitiesByMode.OrderBy(m => m.Key).Select(m =>
            PlacesByMode.TryGetValue(m.Key, out var places) && places > 0
                ? string.Format(fr, "{0} {1:N0} ({2:N0} places)", m.Key.Code(), m.Value, places)
                : string.Format(fr, "{0} {1:N0}", m.Key.Code(), m.Value)));
        return string.Format(fr,
            "Département(s) ajouté(s) : {0}. {1:N0} communes, {2:N0} intercommunalités, {3:N0} lignes Cnaf, {4:N0} lignes de naissances, "
            + "{5:N0} structures de démonstration ({6}), {7:N0} sections, {8:N0} places vacantes déclarées.",
            string.Join(", ", DepartementsAdded), Communes, Intercommunalities, CnafCoverages, Births, Facilities, modes, Sections, Vacancies);
    }
}
