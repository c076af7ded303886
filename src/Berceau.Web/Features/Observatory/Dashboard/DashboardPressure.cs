using Berceau.Domain.Observatory;
using Berceau.Domain.Observatory.Indicators;
using Berceau.Web.Features.Observatory.Indicators;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>
/// The pressure (first wishes per place) of every commune of a dashboard's département, for its communes table and map. The
/// first-wish count is the costliest query of the dashboard (every wish of every waiting application): a département's own report
/// already holds it by commune and is reused; any other territory asks <see cref="TerritoryIndicators.PressureAsync"/> once.
/// </summary>
public static class DashboardPressure
{
    public static async Task<DashboardSelection> WithPressureAsync(this DashboardSelection s, TerritoryIndicators indicators,
        TerritoryIndicatorReport? report, CancellationToken ct)
    {
        if (!s.IsCurrentYear) return s;
        var pressure = s.Kind == TerritoryKind.Departement && report is not null && report.Year == s.Year
            ? report[IndicatorCatalog.Pressure.Code]
            : await indicators.PressureAsync([.. s.Figures.Communes.Select(c => new CommuneName(c.Code, c.Name))], ct);
        return s with { Pressure = pressure.Breakdown("commune")!.Rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal) };
    }
}
