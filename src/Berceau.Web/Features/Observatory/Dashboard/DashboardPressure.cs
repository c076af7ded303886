using Berceau.Domain.Observatory.Indicators;
using Berceau.Web.Features.Observatory.Indicators;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>
/// The pressure (first wishes per place) of every commune of a dashboard's département, for its communes table and map: the
/// commune breakdown of the département's own report (the first-wish count is the costliest query of the indicators), taken from
/// the report already served for a département's page, else from the département's snapshot (<see cref="IndicatorSnapshots"/>).
/// </summary>
public static class DashboardPressure
{
    public static async Task<DashboardSelection> WithPressureAsync(this DashboardSelection s, IndicatorSnapshots snapshots,
        TerritoryIndicatorReport? report, CancellationToken ct)
    {
        if (!s.IsCurrentYear) return s;
        var departement = s.Kind == TerritoryKind.Departement && report is not null && report.Year == s.Year
            ? report
            : (await snapshots.GetAsync(s.Figures.Departement.Code, s.Year, ct))!.Report;
        var pressure = departement[IndicatorCatalog.Pressure.Code];
        return s with { Pressure = pressure.Breakdown("commune")!.Rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal) };
    }
}
