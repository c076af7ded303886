using System.Text.Json;
using Berceau.Domain.Observatory;

namespace Berceau.Web.Features.Observatory.Dashboard;

/// <summary>
/// What _IndicatorTable.cshtml draws: the table, the query of its exports (null: no download links), and the heading
/// style and level (h2 to h4) of its title.
/// </summary>
public sealed record IndicatorTableView(IndicatorTable Table, string? ExportQuery, string HeadingClass = "govuk-heading-m", int HeadingLevel = 2)
{
    /// <summary>Set when the page shows only part of the table's lines: the sentence that says which (the files hold them all).</summary>
    public string? Partial { get; init; }

    /// <summary>The chart's data for observatory.mjs: labels from the first column, one series per charted column.</summary>
    public string ChartJson()
    {
        var chart = Table.Chart!;
        return JsonSerializer.Serialize(new
        {
            kind = chart.Kind switch
            {
                IndicatorChartKind.Line => "line",
                IndicatorChartKind.StackedBar => "stacked",
                IndicatorChartKind.HorizontalBar => "horizontal",
                _ => "bar",
            },
            unit = Table.Unit,
            labels = Table.Rows.Select(r => r.Cells[0].Text ?? ""),
            series = chart.Series.Select(c => new
            {
                label = Table.Columns[c].Header,
                decimals = Table.Columns[c].Decimals,
                data = Table.Values(c),
            }),
        });
    }

    public string Summary =>
        $"Graphique : {Table.Title}. Les valeurs sont dans le tableau qui suit.";

    public string Cell(IndicatorCell cell, IndicatorColumn column) =>
        cell.Number is { } n ? DashboardTables.Format(n, cell.DecimalsIn(column)) : cell.Text ?? "non disponible";
}
