namespace Berceau.Domain.Observatory;

/// <summary>
/// One table of the observatory, the unit that every view shares: the dashboard draws it as a chart beside its data
/// table, the exports write it to CSV and XLSX, the commune profile prints it. An indicator only has to produce one of
/// these (title, columns, rows, unit, source, note) to get all of that; nothing is drawn that is not in the table.
/// </summary>
/// <param name="Id">Stable identifier, also the name of the exported file and the anchor on the page (<c>couverture-communes</c>).</param>
/// <param name="Unit">What the numbers count, in words (« places pour 100 enfants de moins de 3 ans »).</param>
/// <param name="Source">Where the figures come from, cited under the table and in the exports.</param>
/// <param name="Note">How to read them: estimates, rows left out, rounding.</param>
/// <param name="Chart">How to draw it; null for a table without a chart.</param>
public sealed record IndicatorTable(
    string Id,
    string Title,
    string Unit,
    string Source,
    string? Note,
    IReadOnlyList<IndicatorColumn> Columns,
    IReadOnlyList<IndicatorRow> Rows,
    IndicatorChart? Chart = null)
{
    /// <summary>The numbers of one column, row by row (null where not available).</summary>
    public IEnumerable<decimal?> Values(int column) => Rows.Select(r => r.Cells[column].Number);
}

public enum IndicatorValueKind { Text, Number }

/// <summary>A column: its header and, for numbers, how many decimals are shown (0 for counts, 1 for rates).</summary>
public sealed record IndicatorColumn(string Header, IndicatorValueKind Kind, int Decimals = 0)
{
    public static IndicatorColumn Text(string header) => new(header, IndicatorValueKind.Text);

    public static IndicatorColumn Count(string header) => new(header, IndicatorValueKind.Number);

    /// <summary>A coverage rate, shown with one decimal as the Cnaf publishes it.</summary>
    public static IndicatorColumn Rate(string header) => new(header, IndicatorValueKind.Number, Coverage.Decimals);
}

/// <summary>
/// A cell: a text, a number, or neither (« non disponible »); <see cref="Href"/> makes it a link. <see cref="Decimals"/>
/// overrides the column's for a table whose rows have different units (one indicator per row).
/// </summary>
public sealed record IndicatorCell(string? Text, decimal? Number, string? Href = null, int? Decimals = null)
{
    /// <summary>The decimals this cell is shown and exported with: its own, else its column's.</summary>
    public int DecimalsIn(IndicatorColumn column) => Decimals ?? column.Decimals;

    public static IndicatorCell Missing { get; } = new(null, null);

    public static IndicatorCell Of(decimal? number) => new(null, number);

    public static IndicatorCell Of(string text, string? href = null) => new(text, null, href);

    public bool IsMissing => Text is null && Number is null;
}

/// <summary>A row; its first cell is the row's header. <see cref="Key"/> ties it to a map feature (a commune code).</summary>
public sealed record IndicatorRow(IReadOnlyList<IndicatorCell> Cells, string? Key = null);

public enum IndicatorChartKind { Bar, HorizontalBar, StackedBar, Line }

/// <summary>A chart of a table: the first column gives the labels, <see cref="Series"/> the number columns drawn.</summary>
public sealed record IndicatorChart(IndicatorChartKind Kind, IReadOnlyList<int> Series);
