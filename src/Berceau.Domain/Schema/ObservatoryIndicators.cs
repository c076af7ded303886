namespace Berceau.Domain.Schema;

/// <summary>An indicator the observatory computes, that a fiche's indicator may point to.</summary>
public sealed record ObservatoryIndicator(string Key, string Label);

/// <summary>
/// The observatory's indicators a fiche action may be linked to: the Cnaf coverage rates it publishes per commune
/// (RULES §4, the first common indicator of D214-2). The key is the column name of the Cnaf file and of the API
/// (/api/v1/indicateurs/couverture), so that a link keeps its meaning when new indicators join the list.
/// </summary>
public static class ObservatoryIndicators
{
    public static IReadOnlyList<ObservatoryIndicator> All { get; } =
    [
        new("taux_global", "Taux de couverture global (Cnaf)"),
        new("taux_eaje_ensemble", "Taux de couverture en accueil collectif (EAJE)"),
        new("taux_eaje_psu", "Taux de couverture en EAJE financés par la PSU"),
        new("taux_accueil_individuel_ensemble", "Taux de couverture en accueil individuel"),
        new("taux_assistantes_maternelles", "Taux de couverture par les assistants maternels"),
        new("taux_prescolarisation", "Taux de préscolarisation à 2 ans"),
    ];

    public static ObservatoryIndicator? Find(string? key) => All.FirstOrDefault(i => i.Key == key);
}
