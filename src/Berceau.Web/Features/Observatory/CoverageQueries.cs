using Berceau.Data;
using Berceau.Domain.Observatory;
using Berceau.Domain.Offer;
using Berceau.Domain.Territories;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory;

public enum TerritoryKind { Commune, Ept, Departement }

/// <summary>A territory of the observatory: a commune (current, or former as published by the Cnaf), an EPT or a département.</summary>
public sealed record ObservedTerritory(TerritoryKind Kind, string Code, string Name);

/// <summary>
/// The coverage of a territory for a year: <see cref="Computed"/> from the places we hold, <see cref="Published"/> the
/// Cnaf's figure when it published one for exactly this territory and year.
/// </summary>
public sealed record TerritoryCoverageResult(
    ObservedTerritory Territory, int Year, CoverageRates Computed, decimal? Published, CoveragePlaces Places, decimal Children, bool Estimate);

/// <summary>Why there is no result: no such territory, or no data for that year.</summary>
public sealed record CoverageMiss(bool UnknownTerritory, IReadOnlyList<int> YearsAvailable);

/// <summary>
/// Coverage rates (RULES §4) of communes, EPT and départements, per year. Places: the imported Cnaf history for past
/// years; for the current year, the registry (facilities open today), completed by the latest Cnaf figures for the two
/// modes the registry does not hold (préscolarisation, salariés à domicile). Children under 3: INSEE when imported, else
/// the Cnaf-derived denominator of the year, else the latest earlier one, else three years of births — all but the
/// first flagged as estimates. Aggregates add places and children of their communes (<see cref="Coverage.Aggregate"/>).
/// </summary>
public sealed class CoverageQueries(BerceauDbContext db, TimeProvider clock)
{
    public int CurrentYear => clock.GetUtcNow().Year;

    public DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<(TerritoryCoverageResult? Result, CoverageMiss? Miss)> ForAsync(TerritoryKind kind, string code, int year, CancellationToken ct)
    {
        var communes = db.Communes.AsNoTracking();
        ObservedTerritory? territory;
        List<string> codes;
        switch (kind)
        {
            case TerritoryKind.Commune:
                var commune = await communes.Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct);
                if (commune is null)
                    return await FormerCommuneAsync(code, year, ct);
                territory = new(kind, code, commune);
                codes = [code];
                break;
            case TerritoryKind.Ept:
                var ept = await db.Intercommunalities.AsNoTracking().Where(i => i.Code == code && i.Kind == IntercommunalityKind.Ept)
                    .Select(i => i.Name).FirstOrDefaultAsync(ct);
                territory = ept is null ? null : new(kind, code, ept);
                codes = await communes.Where(c => c.EptCode == code).Select(c => c.Code).ToListAsync(ct);
                break;
            default:
                var departement = await db.Departements.AsNoTracking().Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
                territory = departement is null ? null : new(kind, code, departement);
                codes = await communes.Where(c => c.DepartementCode == code).Select(c => c.Code).ToListAsync(ct);
                break;
        }
        if (territory is null || codes.Count == 0)
            return (null, new CoverageMiss(true, []));

        var data = await LoadAsync(codes, ct);
        var years = data.Years(CurrentYear);
        if (!years.Contains(year))
            return (null, new CoverageMiss(false, years));

        var registry = year == CurrentYear ? await RegistryAsync(codes, ct) : null;
        var parts = new List<TerritoryCoverage>();
        var missing = false;
        foreach (var c in codes)
        {
            var places = registry is not null ? data.RegistryPlaces(c, registry.GetValueOrDefault(c, CoveragePlaces.None), year) : data.HistoryPlaces(c, year);
            var children = data.Children(c, year);
            if (places is null || children is null)
            {
                missing = true;   // a commune the Cnaf does not publish (under 10,000 inhabitants): left out, and said so
                continue;
            }
            parts.Add(new TerritoryCoverage(places, children));
        }
        if (parts.Count == 0)
            return (null, new CoverageMiss(false, years.Where(y => y != year).ToList()));

        var total = Coverage.Aggregate(parts);
        // The Cnaf published a rate for this exact territory only for a commune with a single row that year.
        decimal? published = null;
        if (kind == TerritoryKind.Commune && registry is null && data.Rows.Where(r => r.Year == year).ToList() is [var only])
            published = only.GlobalRate;
        return (new TerritoryCoverageResult(territory, year, total.Rates, published, total.Places, total.Children.Count,
            total.Children.IsEstimate || missing || registry is not null), null);
    }

    /// <summary>
    /// Places and children of each commune of <paramref name="codes"/> for a year, by the same rules as <see cref="ForAsync"/>
    /// (communes without places or children are absent): the per-commune lines behind an aggregate, for the indicators and the map.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TerritoryCoverage>> PerCommuneAsync(IReadOnlyList<string> codes, int year, CancellationToken ct)
    {
        var list = codes.ToList();
        var data = await LoadAsync(list, ct);
        var registry = year == CurrentYear ? await RegistryAsync(list, ct) : null;
        var result = new Dictionary<string, TerritoryCoverage>(StringComparer.Ordinal);
        foreach (var c in list)
        {
            var places = registry is not null ? data.RegistryPlaces(c, registry.GetValueOrDefault(c, CoveragePlaces.None), year) : data.HistoryPlaces(c, year);
            if (places is not null && data.Children(c, year) is { } children)
                result[c] = new TerritoryCoverage(places, children);
        }
        return result;
    }

    /// <summary>A commune as the Cnaf published it before a merger (93059 Pierrefitte-sur-Seine): its own rows only.</summary>
    private async Task<(TerritoryCoverageResult?, CoverageMiss?)> FormerCommuneAsync(string code, int year, CancellationToken ct)
    {
        var rows = await db.CnafCoverages.AsNoTracking().Where(c => c.SourceCommuneCode == code).ToListAsync(ct);
        if (rows.Count == 0)
            return (null, new CoverageMiss(true, []));
        var row = rows.FirstOrDefault(r => r.Year == year);
        if (row?.ChildrenUnder3 is not { } children)
            return (null, new CoverageMiss(false, rows.Where(r => r.ChildrenUnder3 is not null).Select(r => r.Year).Order().ToList()));
        var current = await db.Communes.AsNoTracking().Where(c => c.Code == row.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var territory = new ObservedTerritory(TerritoryKind.Commune, code, $"Ancienne commune {code}, aujourd’hui dans {current ?? row.CommuneCode}");
        return (new TerritoryCoverageResult(territory, year, Coverage.Rates(row.Places, children), row.GlobalRate, row.Places, children, true), null);
    }

    internal async Task<CoverageData> LoadAsync(List<string> codes, CancellationToken ct) => new(
        await db.CnafCoverages.AsNoTracking().Where(c => codes.Contains(c.CommuneCode)).ToListAsync(ct),
        await db.CommuneChildrenUnder3.AsNoTracking().Where(c => codes.Contains(c.CommuneCode)).ToListAsync(ct),
        await db.CommuneBirths.AsNoTracking().Where(c => codes.Contains(c.CommuneCode)).ToListAsync(ct));

    /// <summary>
    /// Places of the facilities open today, per commune and Cnaf mode, counted in the database: sections when the facility
    /// has some, else the agrément of the childminder or MAM (as the public offer counts them).
    /// </summary>
    internal async Task<Dictionary<string, CoveragePlaces>> RegistryAsync(List<string> codes, CancellationToken ct)
    {
        var today = Today;
        var open = db.Facilities.AsNoTracking()
            .Where(f => codes.Contains(f.CommuneCode) && (f.ClosedOn == null || f.ClosedOn > today))
            .Where(f => f.Mode != CareMode.Rpe && f.Mode != CareMode.Laep);
        var sections = await open
            .SelectMany(f => f.Sections, (f, s) => new { f.CommuneCode, f.Mode, f.IsPsu, s.Places })
            .GroupBy(x => new { x.CommuneCode, x.Mode, x.IsPsu })
            .Select(g => new { g.Key.CommuneCode, g.Key.Mode, g.Key.IsPsu, Places = g.Sum(x => x.Places) })
            .ToListAsync(ct);
        var agrements = await open.Where(f => !f.Sections.Any() && f.Agrement != null)
            .GroupBy(f => new { f.CommuneCode, f.Mode, f.IsPsu })
            .Select(g => new { g.Key.CommuneCode, g.Key.Mode, g.Key.IsPsu, Places = g.Sum(f => f.Agrement!.Children) })
            .ToListAsync(ct);
        return sections.Concat(agrements)
            .GroupBy(x => x.CommuneCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate(CoveragePlaces.None, (sum, x) => sum + ByMode(x.Mode, x.IsPsu, x.Places)), StringComparer.Ordinal);
    }

    /// <summary>The Cnaf mode of a registry facility: collective structures by funding; AM and MAM; garde à domicile.</summary>
    private static CoveragePlaces ByMode(CareMode mode, bool isPsu, int places) => mode switch
    {
        _ when mode.IsCollective() => isPsu ? CoveragePlaces.None with { EajePsu = places } : CoveragePlaces.None with { EajeNonPsu = places },
        CareMode.AssistantMaternel or CareMode.Mam => CoveragePlaces.None with { Childminders = places },
        CareMode.GardeDomicile => CoveragePlaces.None with { HomeCare = places },
        _ => CoveragePlaces.None,
    };
}

/// <summary>The imported figures of a set of communes, and the rules that pick places and children for a year.</summary>
internal sealed class CoverageData(List<CnafCoverage> rows, List<CommuneChildrenUnder3> insee, List<CommuneBirths> births)
{
    public IReadOnlyList<CnafCoverage> Rows => rows;

    /// <summary>Years with data: every imported Cnaf or INSEE year, and the current year (the registry).</summary>
    public List<int> Years(int currentYear) =>
        rows.Select(r => r.Year).Where(y => y < currentYear).Append(currentYear).Distinct().Order().ToList();

    public CoveragePlaces? HistoryPlaces(string commune, int year)
    {
        var ofYear = rows.Where(r => r.CommuneCode == commune && r.Year == year).ToList();
        return ofYear.Count == 0 ? null : ofYear.Select(r => r.Places).Aggregate((a, b) => a + b);
    }

    /// <summary>
    /// The registry's places, with the latest Cnaf places of préscolarisation and salariés à domicile, which the
    /// registry does not hold (schools and families employing at home declare nothing here).
    /// </summary>
    public CoveragePlaces RegistryPlaces(string commune, CoveragePlaces registry, int year)
    {
        var latest = rows.Where(r => r.CommuneCode == commune && r.Year < year).Select(r => r.Year).DefaultIfEmpty().Max();
        var carried = latest == 0 ? CoveragePlaces.None : HistoryPlaces(commune, latest)!;
        return registry with { Preschool = registry.Preschool + carried.Preschool, HomeCare = registry.HomeCare + carried.HomeCare, PublishedTotal = null };
    }

    public ChildrenUnder3? Children(string commune, int year)
    {
        if (insee.FirstOrDefault(c => c.CommuneCode == commune && c.Year == year) is { } estimate)
            return new ChildrenUnder3(estimate.Children, ChildrenSource.Insee);
        if (CnafDerived(commune, year) is { } derived)
            return new ChildrenUnder3(derived, ChildrenSource.CnafDerived);
        var earlier = insee.Where(c => c.CommuneCode == commune && c.Year < year).Select(c => (c.Year, Count: (decimal?)c.Children))
            .Concat(rows.Where(r => r.CommuneCode == commune && r.Year < year).Select(r => r.Year).Distinct().Select(y => (Year: y, Count: CnafDerived(commune, y))))
            .Where(x => x.Count is not null)
            .OrderByDescending(x => x.Year)
            .FirstOrDefault();
        if (earlier.Count is { } count)
            return new ChildrenUnder3(count, ChildrenSource.EarlierYear);
        // Children under 3 ≈ the births of three years; the latest year known up to this one, else the earliest after.
        var b = births.Where(x => x.CommuneCode == commune).OrderBy(x => x.Year <= year ? 0 : 1).ThenBy(x => Math.Abs(x.Year - year)).FirstOrDefault();
        return b is null || b.Births == 0 ? null : new ChildrenUnder3(3 * b.Births, ChildrenSource.Births);
    }

    /// <summary>The Cnaf denominator of a current commune for a year: the sum over its rows, when every row has one.</summary>
    private decimal? CnafDerived(string commune, int year)
    {
        var ofYear = rows.Where(r => r.CommuneCode == commune && r.Year == year).ToList();
        return ofYear.Count > 0 && ofYear.All(r => r.ChildrenUnder3 is not null) ? ofYear.Sum(r => r.ChildrenUnder3!.Value) : null;
    }
}
