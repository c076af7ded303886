using System.Globalization;
using System.Text.RegularExpressions;
using Berceau.Data;
using Berceau.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>The query of the dashboard and of its exports, as typed (<c>?departement=93&amp;ept=…&amp;commune=…&amp;annee=2021</c>).</summary>
public sealed record DashboardQuery(string? Departement, string? Ept, string? Commune, string? Annee);

/// <summary>
/// The territory and year shown: a département, one of its EPT or one of its communes (the most precise one given
/// wins: a commune over an EPT, an EPT over the whole département), and a year with figures.
/// </summary>
public sealed record DashboardSelection(TerritoryKind Kind, string Code, string Name, int Year, DepartementFigures Figures)
{
    /// <summary>The communes the territory is made of.</summary>
    public IReadOnlyList<CommuneInfo> Communes => Kind switch
    {
        TerritoryKind.Commune => [Figures.Commune(Code)!],
        TerritoryKind.Ept => Figures.CommunesOfEpt(Code),
        _ => Figures.Communes,
    };

    /// <summary>The EPT of the territory (itself for an EPT), null for a département.</summary>
    public string? EptCode => Kind switch
    {
        TerritoryKind.Commune => Figures.Commune(Code)!.EptCode,
        TerritoryKind.Ept => Code,
        _ => null,
    };

    public bool IsCurrentYear => Year == Figures.CurrentYear;

    /// <summary>
    /// First wishes per place of each commune of the département today (the « commune » breakdown of the indicator
    /// <c>pression-premiers-voeux</c> of <c>GET /api/v1/indicateurs</c>), for the communes table and the map: loaded only by
    /// the views that draw them (<see cref="DashboardPressure.WithPressureAsync"/>), never for a past year (wishes are not kept
    /// in history). Null: not loaded, the table says « non disponible ».
    /// </summary>
    public IReadOnlyDictionary<string, decimal?>? Pressure { get; init; }

    /// <summary>The same selection as a query string, for links and exports (lower-case names, as documented).</summary>
    public string QueryString(int? year = null) =>
        $"departement={Figures.Departement.Code}"
        + (Kind == TerritoryKind.Ept ? $"&ept={Code}" : "")
        + (Kind == TerritoryKind.Commune ? $"&commune={Code}" : "")
        + $"&annee={(year ?? Year).ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Checks a <see cref="DashboardQuery"/> against the database: every problem names its parameter with a French message,
/// and nothing is read past the first wrong territory. The département defaults to the commune's, else 93 (the first
/// deployment), else the first one held; the year to the current one (the registry).
/// </summary>
public static partial class DashboardSelections
{
    public const string DefaultDepartement = "93";

    public static async Task<Outcome<DashboardSelection>> ResolveAsync(
        DashboardQuery query, BerceauDbContext db, CoverageQueries queries, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var commune = Normalise(query.Commune);
        var ept = Normalise(query.Ept);
        var departementCode = Normalise(query.Departement);
        if (commune is not null && !CommuneCode().IsMatch(commune))
            problems.Add(Problem.Of("obs-commune-code", "commune"));
        if (ept is not null && !EptCode().IsMatch(ept))
            problems.Add(Problem.Of("obs-ept-code", "ept"));

        var held = await db.Departements.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        if (departementCode is null)
        {
            departementCode = commune is not null && CommuneCode().IsMatch(commune) ? Data.Import.ObservatoryImport.DepartementOf(commune)
                : held.Any(d => d.Code == DefaultDepartement) ? DefaultDepartement
                : held.FirstOrDefault()?.Code;
        }
        if (departementCode is null || held.All(d => d.Code != departementCode))
        {
            problems.Add(Problem.Of("obs-departement-unknown", "departement", query.Departement?.Trim() ?? departementCode ?? "",
                string.Join(", ", held.Select(d => $"{d.Code} ({d.Name})"))));
            return Outcome<DashboardSelection>.Failure(problems);
        }
        var figures = (await DepartementFigures.LoadAsync(db, queries, departementCode, ct))!;

        var kind = TerritoryKind.Departement;
        var code = departementCode;
        var name = figures.Departement.Name;
        if (ept is not null && EptCode().IsMatch(ept))
        {
            if (figures.Ept(ept) is { } found) (kind, code, name) = (TerritoryKind.Ept, found.Code, found.Name);
            else problems.Add(Problem.Of("obs-ept-elsewhere", "ept", ept, name));
        }
        if (commune is not null && CommuneCode().IsMatch(commune))
        {
            if (figures.Commune(commune) is { } found) (kind, code, name) = (TerritoryKind.Commune, found.Code, found.Name);
            else problems.Add(Problem.Of("obs-commune-elsewhere", "commune", commune, figures.Departement.Name));
        }

        var year = figures.CurrentYear;
        var annee = query.Annee?.Trim();
        if (!string.IsNullOrEmpty(annee))
        {
            if (!int.TryParse(annee, NumberStyles.None, CultureInfo.InvariantCulture, out year))
                problems.Add(Problem.Of("obs-year-number", "annee", figures.CurrentYear));
            else if (!figures.Years.Contains(year))
                problems.Add(Problem.Of("obs-year-unavailable", "annee", year, string.Join(", ", figures.Years)));
        }
        return problems.Count > 0
            ? Outcome<DashboardSelection>.Failure(problems)
            : new DashboardSelection(kind, code, name, year, figures);
    }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    [GeneratedRegex("^(?:[0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex CommuneCode();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex EptCode();
}
