using Berceau.Domain.FollowUp;

namespace Berceau.Domain.Observatory.Indicators;

/// <summary>
/// The demand indicators of a territory from the facts of its communes (loaded by the web layer). Every figure pools the
/// communes' cases: a ratio is Σ numerators ÷ Σ denominators, a median is the median of all the cases together.
/// </summary>
public static class DemandIndicators
{
    public static Indicator Pending(IReadOnlyCollection<PendingFact> pending, IReadOnlyList<CommuneName> communes)
    {
        var byBand = pending.GroupBy(p => p.Band).ToDictionary(g => g.Key, g => g.Count());
        return Indicator.Count(IndicatorCatalog.PendingApplications, pending.Count).With(
            new IndicatorBreakdown("age", "Par âge de l’enfant au jour de référence",
                [.. AgeBands.All.Select(b => new IndicatorRow(b.Key(), b.Label(), byBand.GetValueOrDefault(b)))]),
            ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, pending.Count(p => p.CommuneCode == c.Code))));
    }

    /// <summary>First wishes ÷ places; structures without places are listed but weigh nothing in the ratio's denominator.</summary>
    public static Indicator Pressure(IReadOnlyCollection<StructureDemandFact> structures, IReadOnlyList<CommuneName> communes)
    {
        var total = Ratio.Sum(structures.Select(s => new Ratio(s.FirstWishes, s.Places)));
        var names = communes.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        return new Indicator(IndicatorCatalog.Pressure, IndicatorState.Available, total.Quotient, total.Numerator, total.Denominator,
            Note: total.Denominator == 0 ? "Aucune place en structure collective ouverte dans ce territoire." : null).With(
            new IndicatorBreakdown("structure", "Par structure (de la plus demandée à la moins demandée)",
                [.. structures.OrderByDescending(s => new Ratio(s.FirstWishes, s.Places).Quotient ?? decimal.MaxValue).ThenBy(s => s.Name, french)
                    .Select(s => new IndicatorRow(s.Key, $"{s.Name} ({names.GetValueOrDefault(s.CommuneCode, s.CommuneCode)})",
                        new Ratio(s.FirstWishes, s.Places).Quotient, s.FirstWishes, s.Places))]),
            ByCommune(communes, c => Row(c, Ratio.Sum(structures.Where(s => s.CommuneCode == c.Code).Select(s => new Ratio(s.FirstWishes, s.Places))), quotient: true)));
    }

    /// <summary>The median and the 90th percentile of the waits, over every family of the territory.</summary>
    public static (Indicator Median, Indicator Percentile90) Waits(IReadOnlyCollection<PlacementFact> placements, IReadOnlyList<CommuneName> communes)
    {
        const string none = "Aucune famille n’a accepté de place dans l’année : pas de délai à mesurer.";
        var days = placements.Select(p => p.WaitDays).ToList();
        var median = Distribution.Median(days);
        var p90 = Distribution.Percentile(days, 90);
        return (
            new Indicator(IndicatorCatalog.MedianWait, IndicatorState.Available, median, Observations: days.Count, Note: median is null ? none : null)
                .With(ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, Distribution.Median(placements.Where(p => p.CommuneCode == c.Code).Select(p => p.WaitDays))))),
            new Indicator(IndicatorCatalog.Wait90, IndicatorState.Available, p90, Observations: days.Count, Note: p90 is null ? none : null)
                .With(ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, Distribution.Percentile(placements.Where(p => p.CommuneCode == c.Code).Select(p => p.WaitDays), 90)))));
    }

    public static Indicator Commissions(IReadOnlyCollection<SessionFact> sessions, IReadOnlyList<CommuneName> communes)
    {
        var total = Ratio.Sum(sessions.Select(s => new Ratio(s.Offered, s.Examined)));
        return Indicator.Percent(IndicatorCatalog.PlacedPerCommission, total, "Aucune commission validée dans l’année.").With(
            new IndicatorBreakdown("commission", "Par commission",
                [.. sessions.Select(s => new IndicatorRow(s.Key, s.Label, new Ratio(s.Offered, s.Examined).Percent, s.Offered, s.Examined))]),
            ByCommune(communes, c => Row(c, Ratio.Sum(sessions.Where(s => s.CommuneCode == c.Code).Select(s => new Ratio(s.Offered, s.Examined))))));
    }

    /// <summary>
    /// « Zéro sans solution » (<see cref="SolutionRates"/>, the follow-up's own rule): families still without a solution on
    /// <paramref name="on"/>, the share with a solution within 3 months, and the median days to a solution.
    /// </summary>
    public static (Indicator WithoutSolution, Indicator Within3Months, Indicator MedianDays) FollowUp(
        IReadOnlyCollection<CaseTimes> cases, DateOnly on, IReadOnlyList<CommuneName> communes)
    {
        // A solution recorded after the reference day was not there yet on that day.
        var asOf = cases.Select(c => c.SolutionOn > on ? c with { SolutionOn = null } : c).ToList();
        var rate = SolutionRates.Of(asOf, on);
        var horizon = rate.Horizons.Single(h => h.Months == 3);
        HorizonRate Of(string commune) => SolutionRates.Of(asOf.Where(c => c.CommuneCode == commune), on).Horizons.Single(h => h.Months == 3);
        var without = new Indicator(IndicatorCatalog.WithoutSolution, IndicatorState.Available, rate.Cases - rate.Solved, rate.Cases - rate.Solved, rate.Cases)
            .With(ByCommune(communes, c =>
            {
                var n = asOf.Count(x => x.CommuneCode == c.Code);
                var open = asOf.Count(x => x.CommuneCode == c.Code && x.SolutionOn is null);
                return new IndicatorRow(c.Code, c.Name, open, open, n);
            }));
        var within = Indicator.Percent(IndicatorCatalog.SolutionWithin3Months, new Ratio(horizon.Solved, horizon.Counted),
                "Aucun dossier ouvert dans l’année n’a encore 3 mois.")
            .With(ByCommune(communes, c => Row(c, new Ratio(Of(c.Code).Solved, Of(c.Code).Counted))));
        var median = new Indicator(IndicatorCatalog.TimeToSolution, IndicatorState.Available, rate.MedianDaysToSolution, Observations: rate.Solved,
                Note: rate.MedianDaysToSolution is null ? "Aucun dossier ouvert dans l’année n’a trouvé de solution." : null)
            .With(ByCommune(communes, c => new IndicatorRow(c.Code, c.Name, SolutionRates.Of(asOf.Where(x => x.CommuneCode == c.Code), on).MedianDaysToSolution)));
        return (without, within, median);
    }

    /// <summary>The three access shares of D214-2 over the places accepted in the year.</summary>
    public static IReadOnlyList<Indicator> Access(IReadOnlyCollection<PlacementFact> placements, IReadOnlyList<CommuneName> communes)
    {
        const string none = "Aucune famille n’a accepté de place dans l’année.";
        Indicator Share(IndicatorDefinition definition, Func<PlacementFact, bool> flag) =>
            Indicator.Percent(definition, new Ratio(placements.Count(flag), placements.Count), none)
                .With(ByCommune(communes, c => Row(c, new Ratio(placements.Count(p => p.CommuneCode == c.Code && flag(p)), placements.Count(p => p.CommuneCode == c.Code)))));
        return
        [
            Share(IndicatorCatalog.DisabledAccess, p => p.Disability),
            Share(IndicatorCatalog.PovertyAccess, p => p.SocialMinimum),
            Share(IndicatorCatalog.InsertionAccess, p => p.Insertion),
        ];
    }

    internal static IndicatorBreakdown ByCommune(IReadOnlyList<CommuneName> communes, Func<CommuneName, IndicatorRow> row) =>
        new("commune", "Par commune", [.. communes.Select(row)]);

    internal static IndicatorRow Row(CommuneName commune, Ratio ratio, bool quotient = false) =>
        new(commune.Code, commune.Name, quotient ? ratio.Quotient : ratio.Percent, ratio.Numerator, ratio.Denominator);
}
