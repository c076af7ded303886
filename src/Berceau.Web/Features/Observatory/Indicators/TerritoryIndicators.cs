using System.Text.RegularExpressions;
using Berceau.Data;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Domain.Territories;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory.Indicators;

/// <summary>
/// Every indicator of the observatory for one territory and one year, in one record (issue 8). The dashboard, the exports and
/// <c>GET /api/v1/indicateurs</c> all read it.
/// <code>
/// var report = await indicators.ForAsync("93", 2021, ct);        // commune INSEE code, EPT SIREN (9 digits) or département code
/// if (report is null) …                                          // no such territory (a malformed code: see ParseTerritory)
/// report.Territory                                               // ObservedTerritory(Kind, Code, Name)
/// report.Year, report.ReferenceDay                               // 31 December of the year, or today for the current year
/// report.Indicators                                              // IndicatorCatalog.All order, every one present
/// report["taux-couverture"].Value / .Unit via .Definition / .State (Available | Unavailable) / .Note (reason or caveat)
/// report["demandes-en-attente"].Breakdown("age")?.Rows           // breakdowns: "commune" on every per-commune figure, plus
///                                                                // "age", "structure", "commission", "mode", "metier", "ligne"
///                                                                // (places prévues) where they apply
/// </code>
/// Each <see cref="Indicator"/> carries its value, unit, source and definition (<see cref="Indicator.Definition"/>), and
/// <see cref="IndicatorState.Unavailable"/> with the reason when the data do not exist (a past year for what is not kept in
/// history, the occupancy rate, which needs billing data we do not receive…). For a ratio, the numerator and the denominator
/// are the sums over the communes: an EPT or a département is always Σ numerators ÷ Σ denominators, and a median pools the
/// cases of all its communes. <see cref="CurrentYear"/> is the year of the server clock; years after it are refused by the
/// callers (the API answers 400).
/// </summary>
public sealed partial class TerritoryIndicators(BerceauDbContext db, CoverageQueries coverage, TimeProvider clock)
{
    public int CurrentYear => ParisTime.Of(clock.GetUtcNow()).Year;

    /// <summary>The kind of territory a code names, from its shape alone; null when it is none of the three.</summary>
    public static (TerritoryKind Kind, string Code)? ParseTerritory(string? code)
    {
        var text = code?.Trim().ToUpperInvariant() ?? "";
        if (CommuneCode().IsMatch(text)) return (TerritoryKind.Commune, text);
        if (EptCode().IsMatch(text)) return (TerritoryKind.Ept, text);
        if (DepartementCode().IsMatch(text)) return (TerritoryKind.Departement, text);
        return null;
    }

    /// <summary>The indicators of <paramref name="territory"/> (see <see cref="ParseTerritory"/>) for <paramref name="year"/>; null for an unknown territory.</summary>
    public async Task<TerritoryIndicatorReport?> ForAsync(string territory, int year, CancellationToken ct)
    {
        if (ParseTerritory(territory) is not { } parsed) return null;
        var resolved = await ResolveAsync(parsed.Kind, parsed.Code, ct);
        if (resolved is null) return null;
        var (observed, communes) = resolved.Value;
        var now = clock.GetUtcNow();
        var today = ParisTime.DayOf(now);
        var current = year == CurrentYear;
        var referenceDay = current ? today : new DateOnly(year, 12, 31);
        var codes = communes.Select(c => c.Code).ToList();
        var facts = new IndicatorFactsQueries(db, codes, year, referenceDay, now);

        var indicators = new List<Indicator>();
        indicators.Add(DemandIndicators.Pending(await facts.PendingAsync(current, ct), communes));
        indicators.Add(current
            ? DemandIndicators.Pressure(await facts.StructureDemandAsync(ct), communes)
            : Indicator.Unavailable(IndicatorCatalog.Pressure, CurrentYearOnly("Les vœux et les capacités ne sont pas historisés")));
        var placements = await facts.PlacementsAsync(ct);
        var (median, p90) = DemandIndicators.Waits(placements, communes);
        indicators.Add(median);
        indicators.Add(p90);
        indicators.Add(DemandIndicators.Commissions(await facts.SessionsAsync(ct), communes));
        var (without, within, solution) = DemandIndicators.FollowUp(await facts.CasesAsync(ct), referenceDay, communes);
        indicators.AddRange([without, within, solution]);

        indicators.AddRange(await CoverageIndicatorsAsync(parsed.Kind, observed.Code, codes, year, communes, ct));
        indicators.Add(SupplyIndicators.Births(await facts.BirthsAsync(ct), communes, year));
        if (current)
        {
            indicators.Add(SupplyIndicators.Available(IndicatorCatalog.Vacancies, await facts.CollectiveVacanciesAsync(ct), communes));
            var childminders = await facts.ChildminderAvailabilityAsync(ct);
            indicators.Add(SupplyIndicators.Available(IndicatorCatalog.ChildminderAvailability, childminders, communes));
            indicators.Add(SupplyIndicators.DeclaringShare(childminders, communes));
        }
        else
        {
            const string why = "Une déclaration de places remplace la précédente, l’historique n’est pas gardé";
            indicators.Add(Indicator.Unavailable(IndicatorCatalog.Vacancies, CurrentYearOnly(why)));
            indicators.Add(Indicator.Unavailable(IndicatorCatalog.ChildminderAvailability, CurrentYearOnly(why)));
            indicators.Add(Indicator.Unavailable(IndicatorCatalog.ChildminderShare, CurrentYearOnly(why)));
        }
        indicators.Add(await facts.AnyOpeningDayAsync(ct)
            ? SupplyIndicators.Capacity(IndicatorCatalog.PlacesCreated, await facts.OpenedAsync(ct), communes,
                "Seules les structures dont la date d’ouverture est enregistrée sont comptées.")
            : Indicator.Unavailable(IndicatorCatalog.PlacesCreated, "Aucune date d’ouverture n’est enregistrée pour les structures de ce territoire."));
        indicators.Add(SupplyIndicators.Capacity(IndicatorCatalog.PlacesClosed, await facts.ClosedAsync(ct), communes));
        indicators.Add(Indicator.Unavailable(IndicatorCatalog.Occupancy,
            "Berceau ne reçoit ni les heures facturées aux familles ni les heures d’ouverture réalisées des EAJE (les gestionnaires "
            + "les déclarent à la Caf) : le taux d’occupation ne peut pas être calculé."));
        if (current)
        {
            var creches = await facts.StaffingAsync(ct);
            indicators.Add(StaffingIndicators.VacantPositions(creches, communes));
            indicators.Add(StaffingIndicators.FrozenPlaces(creches, communes));
            indicators.Add(StaffingIndicators.StaffToReopen(creches, communes));
        }
        else
        {
            indicators.Add(Indicator.Unavailable(IndicatorCatalog.VacantPositions, CurrentYearOnly("Le tableau des effectifs des crèches n’est pas historisé")));
            indicators.Add(Indicator.Unavailable(IndicatorCatalog.FrozenPlaces, CurrentYearOnly("Les places agréées des sections ne sont pas historisées")));
            indicators.Add(Indicator.Unavailable(IndicatorCatalog.StaffToReopen, CurrentYearOnly("Les places agréées des sections ne sont pas historisées")));
        }
        var (schema, planned) = await facts.PlannedPlacesAsync(ct);
        indicators.Add(StaffingIndicators.StaffForPlannedPlaces(schema, planned, communes, parsed.Kind == TerritoryKind.Departement, year));
        indicators.AddRange(DemandIndicators.Access(placements, communes));
        var (laep, rpe) = await facts.ParentingServicesAsync(ct);
        indicators.Add(Indicator.Unavailable(IndicatorCatalog.ParentingSupport,
            "Berceau ne reçoit pas la fréquentation des LAEP, des actions REAAP ni de la médiation familiale. Le registre compte "
            + $"{laep} lieu(x) d’accueil enfants-parents et {rpe} relais petite enfance ouverts dans ce territoire."));

        var order = IndicatorCatalog.All.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return new TerritoryIndicatorReport(observed, year, referenceDay, [.. indicators.OrderBy(i => order[i.Code])]);

        string CurrentYearOnly(string why) => $"{why} : indicateur calculé pour l’année en cours seulement ({CurrentYear}).";
    }

    private async Task<IReadOnlyList<Indicator>> CoverageIndicatorsAsync(TerritoryKind kind, string code, IReadOnlyList<string> codes, int year,
        IReadOnlyList<CommuneName> communes, CancellationToken ct)
    {
        var (result, miss) = await coverage.ForAsync(kind, code, year, ct);
        if (result is null)
            return SupplyIndicators.Coverage(null, null, false,
                $"Pas de données de places pour {year}"
                + (miss is { YearsAvailable.Count: > 0 } ? $" : années disponibles {string.Join(", ", miss.YearsAvailable)}." : "."),
                communes, new Dictionary<string, Domain.Observatory.TerritoryCoverage>());
        var perCommune = await coverage.PerCommuneAsync(codes, year, ct);
        // The source of the children is already folded into result.Estimate, which the indicators carry.
        var total = new Domain.Observatory.TerritoryCoverage(result.Places,
            new Domain.Observatory.ChildrenUnder3(result.Children, Domain.Observatory.ChildrenSource.Insee));
        return SupplyIndicators.Coverage(total, result.Published, result.Estimate, null, communes, perCommune);
    }

    private async Task<(ObservedTerritory, IReadOnlyList<CommuneName>)?> ResolveAsync(TerritoryKind kind, string code, CancellationToken ct)
    {
        var communes = db.Communes.AsNoTracking();
        string? name;
        switch (kind)
        {
            case TerritoryKind.Commune:
                name = await communes.Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct);
                communes = communes.Where(c => c.Code == code);
                break;
            case TerritoryKind.Ept:
                name = await db.Intercommunalities.AsNoTracking().Where(i => i.Code == code && i.Kind == IntercommunalityKind.Ept)
                    .Select(i => i.Name).FirstOrDefaultAsync(ct);
                communes = communes.Where(c => c.EptCode == code);
                break;
            default:
                name = await db.Departements.AsNoTracking().Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
                communes = communes.Where(c => c.DepartementCode == code);
                break;
        }
        if (name is null) return null;
        var list = await communes.Select(c => new CommuneName(c.Code, c.Name)).ToListAsync(ct);
        if (list.Count == 0) return null;
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        return (new ObservedTerritory(kind, code, name), [.. list.OrderBy(c => c.Name, french)]);
    }

    [GeneratedRegex("^(?:[0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex CommuneCode();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex EptCode();

    [GeneratedRegex("^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$")]
    private static partial Regex DepartementCode();
}

/// <summary>The indicators of one territory and year (<see cref="TerritoryIndicators.ForAsync"/>), every one of <see cref="IndicatorCatalog.All"/>.</summary>
public sealed record TerritoryIndicatorReport(ObservedTerritory Territory, int Year, DateOnly ReferenceDay, IReadOnlyList<Indicator> Indicators)
{
    /// <summary>The indicator of that code (<see cref="IndicatorCatalog"/>); throws for an unknown code.</summary>
    public Indicator this[string code] => Indicators.First(i => i.Code == code);
}
