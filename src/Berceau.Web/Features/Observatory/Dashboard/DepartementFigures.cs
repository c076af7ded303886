using Berceau.Data;
using Berceau.Domain.Observatory;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>A commune of the département, with its EPT.</summary>
public sealed record CommuneInfo(string Code, string Name, string? EptCode);

/// <summary>
/// The coverage of a set of communes for a year, as <see cref="CoverageQueries.ForAsync"/> computes it for one
/// territory: Σ places ÷ Σ children of the communes that have both; <see cref="LeftOut"/> the communes without data.
/// </summary>
public sealed record AggregateCoverage(TerritoryCoverage Coverage, bool Estimate, IReadOnlyList<string> LeftOut)
{
    public CoverageRates Rates => Coverage.Rates;
}

/// <summary>
/// Everything the dashboard of a département needs, loaded in a few queries (the Cnaf history, INSEE figures, births,
/// the registry's places today and the France reference) and then computed in memory for every commune, EPT and year,
/// with the same rules as the coverage API (<see cref="CoverageData"/>), so that the two always agree.
/// </summary>
public sealed class DepartementFigures
{
    private readonly CoverageData _data;
    private readonly Dictionary<string, CoveragePlaces> _registry;
    private readonly Dictionary<(string, int), CommuneBirths> _births;
    private readonly Dictionary<int, CnafNationalCoverage> _france;

    private DepartementFigures(
        Departement departement, IReadOnlyList<Intercommunality> epts, IReadOnlyList<CommuneInfo> communes, int currentYear,
        CoverageData data, Dictionary<string, CoveragePlaces> registry, List<CommuneBirths> births, List<CnafNationalCoverage> france)
    {
        Departement = departement;
        Epts = epts;
        Communes = communes;
        CurrentYear = currentYear;
        _data = data;
        _registry = registry;
        _births = births.ToDictionary(b => (b.CommuneCode, b.Year));
        _france = france.ToDictionary(f => f.Year);
        Years = data.Years(currentYear);
    }

    public Departement Departement { get; }
    public IReadOnlyList<Intercommunality> Epts { get; }
    public IReadOnlyList<CommuneInfo> Communes { get; }
    public int CurrentYear { get; }

    /// <summary>Years with figures: the imported Cnaf years, then the current year (the registry).</summary>
    public IReadOnlyList<int> Years { get; }

    public static async Task<DepartementFigures?> LoadAsync(BerceauDbContext db, CoverageQueries queries, string departementCode, CancellationToken ct)
    {
        var departement = await db.Departements.AsNoTracking().FirstOrDefaultAsync(d => d.Code == departementCode, ct);
        if (departement is null)
            return null;
        var communes = await db.Communes.AsNoTracking().Where(c => c.DepartementCode == departementCode).OrderBy(c => c.Name)
            .Select(c => new CommuneInfo(c.Code, c.Name, c.EptCode)).ToListAsync(ct);
        var eptCodes = communes.Select(c => c.EptCode).OfType<string>().Distinct().ToList();
        var epts = await db.Intercommunalities.AsNoTracking()
            .Where(i => i.Kind == IntercommunalityKind.Ept && eptCodes.Contains(i.Code)).OrderBy(i => i.Name).ToListAsync(ct);
        var codes = communes.Select(c => c.Code).ToList();
        var births = await db.CommuneBirths.AsNoTracking().Where(b => codes.Contains(b.CommuneCode)).ToListAsync(ct);
        var france = await db.CnafNationalCoverages.AsNoTracking().ToListAsync(ct);
        return new DepartementFigures(departement, epts, communes, queries.CurrentYear,
            await queries.LoadAsync(codes, ct), await queries.RegistryAsync(codes, ct), births, france);
    }

    public CommuneInfo? Commune(string code) => Communes.FirstOrDefault(c => c.Code == code);

    public Intercommunality? Ept(string code) => Epts.FirstOrDefault(e => e.Code == code);

    public IReadOnlyList<CommuneInfo> CommunesOfEpt(string code) => Communes.Where(c => c.EptCode == code).ToList();

    /// <summary>Places and children of one commune for a year; null for a commune the Cnaf does not publish, in a past year.</summary>
    public TerritoryCoverage? Commune(string code, int year)
    {
        var places = year == CurrentYear
            ? _data.RegistryPlaces(code, _registry.GetValueOrDefault(code, CoveragePlaces.None), year)
            : _data.HistoryPlaces(code, year);
        var children = _data.Children(code, year);
        return places is null || children is null ? null : new TerritoryCoverage(places, children);
    }

    /// <summary>The Cnaf's own rate for the commune and year, when it published one row for exactly that commune.</summary>
    public decimal? Published(string code, int year)
    {
        if (year == CurrentYear)
            return null;
        var rows = _data.Rows.Where(r => r.CommuneCode == code && r.Year == year).ToList();
        return rows is [var only] ? only.GlobalRate : null;
    }

    /// <summary>Σ places ÷ Σ children of <paramref name="communes"/> (never a mean of rates); null when none has data.</summary>
    public AggregateCoverage? Aggregate(IEnumerable<CommuneInfo> communes, int year)
    {
        var parts = new List<TerritoryCoverage>();
        var leftOut = new List<string>();
        foreach (var c in communes)
        {
            if (Commune(c.Code, year) is { } coverage) parts.Add(coverage);
            else leftOut.Add(c.Name);
        }
        if (parts.Count == 0)
            return null;
        var total = Coverage.Aggregate(parts);
        return new AggregateCoverage(total, total.Children.IsEstimate || leftOut.Count > 0 || year == CurrentYear, leftOut);
    }

    public AggregateCoverage? Whole(int year) => Aggregate(Communes, year);

    /// <summary>« France » for a year (the communes the Cnaf publishes, <see cref="CnafNationalCoverage"/>); null when not imported.</summary>
    public CnafNationalCoverage? France(int year) => _france.GetValueOrDefault(year);

    /// <summary>The latest year of France figures up to <paramref name="year"/> (the current year has none of its own).</summary>
    public CnafNationalCoverage? FranceUpTo(int year) =>
        _france.Values.Where(f => f.Year <= year).OrderByDescending(f => f.Year).FirstOrDefault();

    /// <summary>The births of a commune: the year asked, else the latest earlier year, else the earliest later one.</summary>
    public CommuneBirths? Births(string code, int year) =>
        _births.Values.Where(b => b.CommuneCode == code)
            .OrderBy(b => b.Year <= year ? 0 : 1).ThenBy(b => Math.Abs(b.Year - year)).FirstOrDefault();
}
