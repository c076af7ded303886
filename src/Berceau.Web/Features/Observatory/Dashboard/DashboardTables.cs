using System.Globalization;
using Berceau.Domain.Observatory;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>A figure of the summary cards at the top of the dashboard.</summary>
public sealed record SummaryCard(string Label, string Value, string? Detail);

/// <summary>
/// The indicator tables of a selection (<see cref="IndicatorTable"/>): coverage by year, places by mode and year, the
/// territory beside its EPT, département and France, and every commune of the département (the map's data). The
/// dashboard, the exports and the commune profile all take their figures from here.
/// </summary>
public static class DashboardTables
{
    public const string CoverageByYear = "couverture-par-annee";
    public const string PlacesByYear = "places-par-annee";
    public const string Comparison = "comparaison";
    public const string Communes = "communes";

    public static IReadOnlyList<string> Ids { get; } = [CoverageByYear, PlacesByYear, Comparison, Communes];

    /// <summary>Columns of <see cref="Communes"/> drawn by the map.</summary>
    public const int ChildrenColumn = 2, RateColumn = 4, BirthsColumn = 5, PressureColumn = 8;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private const string RateUnit = "places pour 100 enfants de moins de 3 ans";
    private static readonly string[] ModeHeaders = ["Crèches PSU", "Crèches hors PSU", "Assistants maternels", "Salariés à domicile", "École à 2 ans"];

    public static IReadOnlyList<IndicatorTable> For(DashboardSelection s) =>
        [CoverageTable(s), PlacesTable(s), ComparisonTable(s), CommunesTable(s)];

    public static IndicatorTable? Find(DashboardSelection s, string id) => id switch
    {
        CoverageByYear => CoverageTable(s),
        PlacesByYear => PlacesTable(s),
        Comparison => ComparisonTable(s),
        Communes => CommunesTable(s),
        _ => null,
    };

    /// <summary>The territory's coverage (places and children) for a year, as the coverage API gives it.</summary>
    public static (TerritoryCoverage Coverage, bool Estimate, decimal? Published)? Of(DashboardSelection s, int year)
    {
        if (s.Kind == TerritoryKind.Commune)
        {
            var c = s.Figures.Commune(s.Code, year);
            return c is null ? null : (c, c.Children.IsEstimate || year == s.Figures.CurrentYear, s.Figures.Published(s.Code, year));
        }
        var a = s.Figures.Aggregate(s.Communes, year);
        return a is null ? null : (a.Coverage, a.Estimate, null);
    }

    public static IReadOnlyList<SummaryCard> Cards(DashboardSelection s)
    {
        var cards = new List<SummaryCard>();
        var year = YearLabel(s, s.Year);
        if (Of(s, s.Year) is { } t)
        {
            cards.Add(new("Taux de couverture", Format(t.Coverage.Rates.Global, 1), $"{RateUnit}, {year}" + (t.Estimate ? " (estimation)" : "")));
            cards.Add(new("Places d’accueil", Format(t.Coverage.Places.Total, 0), $"tous modes, {year}"));
            cards.Add(new("Enfants de moins de 3 ans", Format(Math.Round(t.Coverage.Children.Count), 0), $"{year}, {SourceText(t.Coverage.Children.Source)}"));
        }
        var births = s.Communes.Select(c => s.Figures.Births(c.Code, s.Year)).OfType<Domain.Territories.CommuneBirths>().ToList();
        if (births.Count > 0)
        {
            var years = births.Select(b => b.Year).Distinct().Order().ToList();
            cards.Add(new("Naissances domiciliées", Format(births.Sum(b => b.Births), 0),
                $"INSEE, {string.Join(", ", years)}" + (births.Count < s.Communes.Count ? $", {births.Count} commune(s) sur {s.Communes.Count}" : "")));
        }
        var without = s.Communes.Count(c => s.Figures.Commune(c.Code, s.Year) is null);
        if (s.Kind != TerritoryKind.Commune)
            cards.Add(new("Communes sans données Cnaf", Format(without, 0), without == 0 ? "toutes les communes sont comptées" : "laissées de côté dans le taux (moins de 10 000 habitants)"));
        return cards;
    }

    private static IndicatorTable CoverageTable(DashboardSelection s)
    {
        var f = s.Figures;
        var columns = new List<IndicatorColumn> { IndicatorColumn.Text("Année") };
        columns.AddRange(ModeHeaders.Select(IndicatorColumn.Rate));
        columns.Add(IndicatorColumn.Rate("Global"));
        var series = new List<int> { columns.Count - 1 };
        if (s.Kind == TerritoryKind.Commune)
            columns.Add(IndicatorColumn.Rate("Global publié par la Cnaf"));
        var ept = s.Kind == TerritoryKind.Commune && s.EptCode is { } e ? f.Ept(e) : null;
        if (ept is not null)
        {
            columns.Add(IndicatorColumn.Rate(ept.Name));
            series.Add(columns.Count - 1);
        }
        if (s.Kind != TerritoryKind.Departement)
        {
            columns.Add(IndicatorColumn.Rate(f.Departement.Name));
            series.Add(columns.Count - 1);
        }
        columns.Add(IndicatorColumn.Rate("France*"));
        series.Add(columns.Count - 1);
        columns.Add(IndicatorColumn.Text("Estimation"));

        var rows = new List<IndicatorRow>();
        foreach (var year in f.Years)
        {
            var cells = new List<IndicatorCell> { IndicatorCell.Of(YearLabel(s, year)) };
            var t = Of(s, year);
            var r = t?.Coverage.Rates;
            cells.AddRange([Cell(r?.EajePsu), Cell(r?.EajeNonPsu), Cell(r?.Childminders), Cell(r?.HomeCare), Cell(r?.Preschool), Cell(r?.Global)]);
            if (s.Kind == TerritoryKind.Commune)
                cells.Add(Cell(t?.Published));
            if (ept is not null)
                cells.Add(Cell(f.Aggregate(f.CommunesOfEpt(ept.Code), year)?.Rates.Global));
            if (s.Kind != TerritoryKind.Departement)
                cells.Add(Cell(f.Whole(year)?.Rates.Global));
            cells.Add(Cell(FranceRate(f.France(year))));
            cells.Add(IndicatorCell.Of(t is null ? "pas de données" : t.Value.Estimate ? "oui" : "non"));
            rows.Add(new IndicatorRow(cells));
        }
        return new IndicatorTable(CoverageByYear, $"Taux de couverture par mode d’accueil et par année : {s.Name}", RateUnit,
            Source(s), CoverageNote(s), columns, rows, new IndicatorChart(IndicatorChartKind.Line, series));
    }

    private static IndicatorTable PlacesTable(DashboardSelection s)
    {
        var columns = new List<IndicatorColumn> { IndicatorColumn.Text("Année") };
        columns.AddRange(ModeHeaders.Select(IndicatorColumn.Count));
        columns.Add(IndicatorColumn.Count("Total"));
        var rows = s.Figures.Years.Select(year =>
        {
            var p = Of(s, year)?.Coverage.Places;
            return new IndicatorRow([IndicatorCell.Of(YearLabel(s, year)), Cell(p?.EajePsu), Cell(p?.EajeNonPsu), Cell(p?.Childminders),
                Cell(p?.HomeCare), Cell(p?.Preschool), Cell(p?.Total)]);
        }).ToList();
        return new IndicatorTable(PlacesByYear, $"Places d’accueil par mode et par année : {s.Name}", "places offertes aux enfants de moins de 3 ans",
            Source(s),
            "Le total est celui de la Cnaf pour ses années (il peut différer d’une place de la somme des modes arrondis). "
            + "L’année en cours compte les places des structures ouvertes aujourd’hui ; l’école à 2 ans et les salariés à domicile y "
            + "reprennent la dernière année publiée.",
            columns, rows, new IndicatorChart(IndicatorChartKind.StackedBar, [1, 2, 3, 4, 5]));
    }

    private static IndicatorTable ComparisonTable(DashboardSelection s)
    {
        var f = s.Figures;
        var rows = new List<IndicatorRow>();
        void Add(string name, (TerritoryCoverage Coverage, bool Estimate)? t) => rows.Add(new IndicatorRow(
        [
            IndicatorCell.Of(name), Cell(t?.Coverage.Children.Count is { } c ? Math.Round(c) : null), Cell(t?.Coverage.Places.Total),
            Cell(t?.Coverage.Rates.Global), IndicatorCell.Of(t is null ? "pas de données" : t.Value.Estimate ? "oui" : "non"),
        ]));

        var own = Of(s, s.Year);
        Add(s.Name, own is { } o ? (o.Coverage, o.Estimate) : null);
        if (s.Kind == TerritoryKind.Commune && s.EptCode is { } e && f.Ept(e) is { } ept)
            Add(ept.Name, f.Aggregate(f.CommunesOfEpt(e), s.Year) is { } a ? (a.Coverage, a.Estimate) : null);
        if (s.Kind != TerritoryKind.Departement)
            Add(f.Departement.Name, f.Whole(s.Year) is { } d ? (d.Coverage, d.Estimate) : null);
        var france = f.FranceUpTo(s.Year);
        Add(france is null ? "France*" : $"France* ({france.Year})",
            france is null ? null : (new TerritoryCoverage(france.Places, new ChildrenUnder3(france.ChildrenUnder3, ChildrenSource.CnafDerived)), true));

        return new IndicatorTable(Comparison, $"{s.Name} comparé à son territoire et à la France en {YearLabel(s, s.Year)}", RateUnit,
            Source(s) + " France : fichier national de la Cnaf.",
            FranceNote + " Chaque taux est la somme des places divisée par la somme des enfants, jamais une moyenne de taux.",
            [IndicatorColumn.Text("Territoire"), IndicatorColumn.Count("Enfants de moins de 3 ans"), IndicatorColumn.Count("Places"),
             IndicatorColumn.Rate("Taux de couverture"), IndicatorColumn.Text("Estimation")],
            rows, new IndicatorChart(IndicatorChartKind.Bar, [3]));
    }

    private static IndicatorTable CommunesTable(DashboardSelection s)
    {
        var f = s.Figures;
        var rows = f.Communes.Select(c =>
        {
            var t = f.Commune(c.Code, s.Year);
            var births = f.Births(c.Code, s.Year);
            return new IndicatorRow(
            [
                IndicatorCell.Of(c.Name, $"/observatoire/communes/{c.Code}"),
                IndicatorCell.Of(c.EptCode is { } e ? f.Ept(e)?.Name ?? e : "—"),
                Cell(t?.Children.Count is { } n ? Math.Round(n) : null),
                Cell(t?.Places.Total),
                Cell(t?.Rates.Global),
                Cell(births?.Births),
                Cell(births?.Year),
                IndicatorCell.Of(t is null ? "pas de données (moins de 10 000 habitants)" : SourceText(t.Children.Source)),
                Cell(s.IsCurrentYear ? s.Pressure?.GetValueOrDefault(c.Code) : null),
            ], c.Code);
        }).ToList();
        return new IndicatorTable(Communes, $"Les communes de {f.Departement.Name} en {YearLabel(s, s.Year)}",
            "enfants, places, taux en places pour 100 enfants de moins de 3 ans, naissances, premiers vœux par place",
            Source(s) + " Naissances : INSEE, naissances domiciliées. Pression : guichet unique et registre Berceau.",
            "Les mêmes données que la carte. Les enfants de moins de 3 ans sont arrondis à l’unité ; les naissances sont celles de "
            + "l’année indiquée (la plus proche connue). Pression : demandes en attente qui placent une crèche de la commune en premier "
            + "vœu ÷ places de ses structures collectives ouvertes, aujourd’hui seulement (les vœux ne sont pas historisés : « non "
            + "disponible » pour une année passée, et pour une commune sans place en crèche).",
            [IndicatorColumn.Text("Commune"), IndicatorColumn.Text("EPT"), IndicatorColumn.Count("Enfants de moins de 3 ans"),
             IndicatorColumn.Count("Places"), IndicatorColumn.Rate("Taux de couverture"), IndicatorColumn.Count("Naissances domiciliées"),
             new IndicatorColumn("Année des naissances", IndicatorValueKind.Number), IndicatorColumn.Text("Enfants de moins de 3 ans : source"),
             new IndicatorColumn("Pression (premiers vœux par place)", IndicatorValueKind.Number, 2)],
            rows, new IndicatorChart(IndicatorChartKind.HorizontalBar, [RateColumn]));
    }

    public const string FranceNote =
        "* France : les communes de 10 000 habitants et plus que publie la Cnaf (environ 1 045 par an), additionnées ; ce n’est "
        + "pas le taux national de la Cnaf (58,8 en 2020), qui compte aussi les petites communes, où les assistants maternels "
        + "sont plus nombreux.";

    private static string CoverageNote(DashboardSelection s) =>
        "Taux arrondis au dixième comme la Cnaf les publie. Les enfants de moins de 3 ans sont déduits des taux publiés par la Cnaf "
        + "(estimation) sauf estimation INSEE importée. L’année en cours est calculée à partir du registre des structures ouvertes "
        + "aujourd’hui : c’est une estimation."
        + (s.Kind == TerritoryKind.Commune ? "" : " Un agrégat est la somme des places divisée par la somme des enfants ; les communes sans données Cnaf (moins de 10 000 habitants) sont laissées de côté pour les années passées.")
        + " " + FranceNote;

    private static string Source(DashboardSelection s) =>
        "Cnaf, places et taux de couverture par commune (données ouvertes txcouv_pe_com et nbpla_pe_com) pour les années passées ; "
        + $"registre des structures de ce service pour {s.Figures.CurrentYear}.";

    public static string YearLabel(DashboardSelection s, int year) =>
        year == s.Figures.CurrentYear ? $"{year} (registre)" : year.ToString(CultureInfo.InvariantCulture);

    public static string SourceText(ChildrenSource source) => source switch
    {
        ChildrenSource.Insee => "estimation INSEE",
        ChildrenSource.CnafDerived => "déduit des taux de la Cnaf",
        ChildrenSource.EarlierYear => "année antérieure",
        _ => "3 × les naissances",
    };

    private static decimal? FranceRate(Domain.Territories.CnafNationalCoverage? france) =>
        france is null ? null : Coverage.Rate(france.PlacesTotal, france.ChildrenUnder3);

    private static IndicatorCell Cell(decimal? value) => IndicatorCell.Of(value);

    /// <summary>A number as shown on the page: French separators, the column's decimals, « non disponible » when absent.</summary>
    public static string Format(decimal? value, int decimals) =>
        value is { } v ? v.ToString(decimals == 0 ? "N0" : "N" + decimals.ToString(CultureInfo.InvariantCulture), French) : "non disponible";
}
