namespace Berceau.Domain.Observatory;

/// <summary>
/// Coverage rates in places per 100 children under 3, by mode and global, as the Cnaf publishes them (« taux de couverture »,
/// RULES §4): each rounded to one decimal, half away from zero. A rate can exceed 100. Null when not known.
/// </summary>
public sealed record CoverageRates(
    decimal? EajePsu,
    decimal? EajeNonPsu,
    decimal? Eaje,
    decimal? Preschool,
    decimal? Childminders,
    decimal? HomeCare,
    decimal? Individual,
    decimal? Global)
{
    /// <summary>The rates in the Cnaf file's column order, with the column names (for reports of differences).</summary>
    public IEnumerable<(string Column, decimal? Rate)> Columns()
    {
        yield return ("taux_eaje_psu", EajePsu);
        yield return ("taux_eaje_hors_psu", EajeNonPsu);
        yield return ("taux_eaje_ensemble", Eaje);
        yield return ("taux_prescolarisation", Preschool);
        yield return ("taux_assistantes_maternelles", Childminders);
        yield return ("taux_salarie_domicile", HomeCare);
        yield return ("taux_accueil_individuel_ensemble", Individual);
        yield return ("taux_global", Global);
    }
}
