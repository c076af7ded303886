namespace Berceau.Domain.Observatory.Indicators;

/// <summary>The supply indicators and the coverage rate of a territory, from the facts of its communes.</summary>
public static class SupplyIndicators
{
    /// <summary>
    /// Places by mode and the coverage rate, from the coverage of the territory for the year (<see cref="Coverage"/>), or
    /// unavailable with <paramref name="missing"/> as the reason. <paramref name="perCommune"/> gives each commune's places and
    /// children, so that the breakdown shows what the aggregate adds up.
    /// </summary>
    public static IReadOnlyList<Indicator> Coverage(TerritoryCoverage? coverage, decimal? published, bool estimate, string? missing,
        IReadOnlyList<CommuneName> communes, IReadOnlyDictionary<string, TerritoryCoverage> perCommune)
    {
        if (coverage is null)
        {
            var reason = missing ?? "Pas de données de places pour ce territoire et cette année.";
            return
            [
                Indicator.Unavailable(IndicatorCatalog.PlacesByMode, reason),
                Indicator.Unavailable(IndicatorCatalog.ChildrenUnder3, reason),
                Indicator.Unavailable(IndicatorCatalog.CoverageRate, reason),
            ];
        }
        var p = coverage.Places;
        var note = estimate ? "Estimation : le nombre d’enfants n’est pas une estimation INSEE importée, des communes sans données sont laissées de côté, ou l’année est en cours (registre)." : null;
        var places = new Indicator(IndicatorCatalog.PlacesByMode, IndicatorState.Available, p.Total, Note: note, Estimate: estimate).With(
            new IndicatorBreakdown("mode", "Par mode d’accueil (modes de la Cnaf)",
            [
                new("eaje-psu", "EAJE financés par la PSU", p.EajePsu),
                new("eaje-hors-psu", "EAJE hors PSU (surtout des micro-crèches Paje)", p.EajeNonPsu),
                new("assistants-maternels", "Assistants maternels", p.Childminders),
                new("salaries-a-domicile", "Salariés à domicile", p.HomeCare),
                new("prescolarisation", "Préscolarisation des enfants de 2 ans", p.Preschool),
            ]),
            DemandIndicators.ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, perCommune.TryGetValue(c.Code, out var t) ? t.Places.Total : null)));
        var children = new Indicator(IndicatorCatalog.ChildrenUnder3, IndicatorState.Available, coverage.Children.Count, Note: note,
                Estimate: estimate || coverage.Children.IsEstimate)
            .With(DemandIndicators.ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, perCommune.TryGetValue(c.Code, out var t) ? t.Children.Count : null)));
        var rates = coverage.Rates;
        var rate = new Indicator(IndicatorCatalog.CoverageRate, IndicatorState.Available, rates.Global, p.Total, coverage.Children.Count,
                Note: published is { } pub ? $"Taux publié par la Cnaf : {pub.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}." + (note is null ? "" : " " + note) : note,
                Estimate: estimate)
            .With(
                new IndicatorBreakdown("mode", "Par mode d’accueil",
                [
                    new("eaje-psu", "EAJE financés par la PSU", rates.EajePsu, p.EajePsu, coverage.Children.Count),
                    new("eaje-hors-psu", "EAJE hors PSU", rates.EajeNonPsu, p.EajeNonPsu, coverage.Children.Count),
                    new("assistants-maternels", "Assistants maternels", rates.Childminders, p.Childminders, coverage.Children.Count),
                    new("salaries-a-domicile", "Salariés à domicile", rates.HomeCare, p.HomeCare, coverage.Children.Count),
                    new("prescolarisation", "Préscolarisation", rates.Preschool, p.Preschool, coverage.Children.Count),
                ]),
                DemandIndicators.ByCommune(communes, c => perCommune.TryGetValue(c.Code, out var t)
                    ? new IndicatorRow(c.Code, c.Name, t.Rates.Global, t.Places.Total, t.Children.Count)
                    : new IndicatorRow(c.Code, c.Name, null)));
        return [places, children, rate];
    }

    /// <summary>Births of the year; unavailable when a commune has no figure (a partial sum would look like a fall).</summary>
    public static Indicator Births(IReadOnlyDictionary<string, int> births, IReadOnlyList<CommuneName> communes, int year)
    {
        var missing = communes.Where(c => !births.ContainsKey(c.Code)).ToList();
        if (missing.Count > 0)
            return Indicator.Unavailable(IndicatorCatalog.Births, missing.Count == communes.Count
                ? $"Pas de naissances importées pour {year}."
                : $"Pas de naissances importées pour {year} dans {missing.Count} commune(s) : {string.Join(", ", missing.Take(5).Select(c => c.Name))}{(missing.Count > 5 ? "…" : "")}.");
        return Indicator.Count(IndicatorCatalog.Births, communes.Sum(c => births[c.Code]))
            .With(DemandIndicators.ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, births[c.Code])));
    }

    /// <summary>Free places declared (collective structures, or childminders and MAM), with the share of those that declared.</summary>
    public static Indicator Available(IndicatorDefinition definition, IReadOnlyCollection<AvailabilityFact> facts, IReadOnlyList<CommuneName> communes) =>
        new Indicator(definition, IndicatorState.Available, facts.Where(f => f.Declared).Sum(f => f.Places), Observations: facts.Count(f => f.Declared))
            .With(DemandIndicators.ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, facts.Where(f => f.CommuneCode == c.Code && f.Declared).Sum(f => f.Places))));

    public static Indicator DeclaringShare(IReadOnlyCollection<AvailabilityFact> childminders, IReadOnlyList<CommuneName> communes) =>
        Indicator.Percent(IndicatorCatalog.ChildminderShare, new Ratio(childminders.Count(f => f.Declared), childminders.Count), "Aucun assistant maternel en activité dans ce territoire.")
            .With(DemandIndicators.ByCommune(communes, c => DemandIndicators.Row(c,
                new Ratio(childminders.Count(f => f.CommuneCode == c.Code && f.Declared), childminders.Count(f => f.CommuneCode == c.Code)))));

    /// <summary>Places opened or closed in the year, by mode and by commune; <see cref="Indicator.Observations"/> is the number of structures.</summary>
    public static Indicator Capacity(IndicatorDefinition definition, IReadOnlyCollection<CapacityFact> facts, IReadOnlyList<CommuneName> communes, string? note = null) =>
        new Indicator(definition, IndicatorState.Available, facts.Sum(f => f.Places), Observations: facts.Count, Note: note).With(
            new IndicatorBreakdown("mode", "Par mode d’accueil",
                [.. facts.GroupBy(f => (f.ModeKey, f.ModeLabel)).OrderBy(g => g.Key.ModeKey, StringComparer.Ordinal)
                    .Select(g => new IndicatorRow(g.Key.ModeKey, g.Key.ModeLabel, g.Sum(f => f.Places)))]),
            DemandIndicators.ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, facts.Where(f => f.CommuneCode == c.Code).Sum(f => f.Places))));
}
