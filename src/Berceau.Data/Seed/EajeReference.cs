using Berceau.Data.Import;
using Berceau.Domain.Offer;

namespace Berceau.Data.Seed;

/// <summary>
/// Empirical distributions taken from the real Marseille crèche list (data/eaje_marseille.csv): capacities of
/// multi-accueil crèches and the management shares of multi-accueil and micro-crèches. Drawing from a real list keeps
/// the demo's mix of small and large crèches, and of municipal, associative and private ones, plausible.
/// </summary>
internal sealed class EajeReference
{
    private EajeReference(int[] multiAccueilPlaces, ManagerType[] multiAccueilManagers, ManagerType[] microCrecheManagers)
    {
        MultiAccueilPlaces = multiAccueilPlaces;
        MultiAccueilManagers = multiAccueilManagers;
        MicroCrecheManagers = microCrecheManagers;
    }

    /// <summary>One entry per real crèche, so a uniform pick follows the empirical distribution.</summary>
    public int[] MultiAccueilPlaces { get; }
    public ManagerType[] MultiAccueilManagers { get; }
    public ManagerType[] MicroCrecheManagers { get; }

    public static EajeReference From(string fileName, IReadOnlyList<EajeReferenceRow> rows)
    {
        var multi = new List<EajeReferenceRow>();
        var micro = new List<EajeReferenceRow>();
        foreach (var row in rows)
        {
            var kind = row.ReceptionType.ToLowerInvariant();
            if (kind.StartsWith("multi", StringComparison.Ordinal))
                multi.Add(row);
            else if (kind.StartsWith("micro", StringComparison.Ordinal))
                micro.Add(row);
        }
        if (multi.Count == 0 || micro.Count == 0)
            throw new ImportException(fileName, null, "type_accueil", "des lignes « Multi accueil » et « Micro crèches » sont attendues.");

        ManagerType Manager(EajeReferenceRow row) => row.ManagementType.ToLowerInvariant() switch
        {
            var t when t.Contains("municipal", StringComparison.Ordinal) => ManagerType.Municipal,
            var t when t.Contains("associati", StringComparison.Ordinal) => ManagerType.Associative,
            var t when t.Contains("priv", StringComparison.Ordinal) => ManagerType.Private,
            _ => throw new ImportException(fileName, row.Line, "type_gestion",
                $"« {row.ManagementType} » n’est pas une gestion connue (municipale, associative ou privée)."),
        };

        return new EajeReference(
            [.. multi.Select(r => r.Places)],
            [.. multi.Select(Manager)],
            [.. micro.Select(Manager)]);
    }
}
