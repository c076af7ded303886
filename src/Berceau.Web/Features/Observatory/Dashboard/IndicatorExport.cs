using System.Globalization;
using System.Text;
using Berceau.Domain.Observatory;
using Berceau.Web.Infrastructure;
using ClosedXML.Excel;

namespace Berceau.Web.Features.Observatory.Dashboard;

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// Every <see cref="IndicatorTable"/> as a file, cell for cell what the page shows (the same rows, columns and
/// rounding):
/// <list type="bullet">
/// <item>CSV for French spreadsheets: UTF-8 with a byte-order mark (or Excel reads « Île » as « Ã®le »), « ; » between
/// fields and a decimal comma (« 50,1 »), no thousands separator, CRLF line ends, an empty field where the page says
/// « non disponible ». Excel in French opens it by a double click with numbers as numbers.</item>
/// <item>XLSX (ClosedXML): the table on a first sheet, numbers as numbers with the column's decimals, and a second
/// sheet with the title, unit, source and note.</item>
/// </list>
/// </summary>
public static class IndicatorExport
{
    public const char Separator = ';';
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(IndicatorTable table, string suffix, ExportFormat format) =>
        $"{table.Id}-{suffix}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";

    public static byte[] Write(IndicatorTable table, ExportFormat format) => format == ExportFormat.Csv ? Csv(table) : Xlsx(table);

    public static byte[] Csv(IndicatorTable table)
    {
        var text = new StringBuilder();
        Line(text, table.Columns.Select(c => SpreadsheetText.Safe(c.Header)));
        foreach (var row in table.Rows)
            Line(text, row.Cells.Select((cell, i) => CsvValue(cell, table.Columns[i])));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A number with the column's decimals and a decimal comma, without grouping: what French Excel parses.</summary>
    public static string CsvValue(IndicatorCell cell, IndicatorColumn column) => cell.Number is { } n
        ? n.ToString(Pattern(cell.DecimalsIn(column)), French)
        : SpreadsheetText.Safe(cell.Text);

    private static string Pattern(int decimals) => decimals == 0 ? "0" : "0." + new string('0', decimals);

    private static void Line(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(Separator, fields.Select(Quote));
        text.Append("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    public static byte[] Xlsx(IndicatorTable table)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Données");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var header = sheet.Cell(1, c + 1);
            header.Value = SpreadsheetText.Safe(table.Columns[c].Header);
            header.DataType = XLDataType.Text;
            header.Style.Font.Bold = true;
        }
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                var value = table.Rows[r].Cells[c];
                var column = table.Columns[c];
                if (value.Number is { } n)
                {
                    cell.Value = n;
                    cell.DataType = XLDataType.Number;
                    cell.Style.NumberFormat.Format = Pattern(value.DecimalsIn(column));
                }
                else if (value.Text is { } t)
                {
                    cell.Value = SpreadsheetText.Safe(t);
                    cell.DataType = XLDataType.Text;
                }
            }
        }
        sheet.SheetView.FreezeRows(1);
        // Widths from the longest text: AdjustToContents measures fonts with System.Drawing, absent on Linux servers.
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var longest = table.Rows.Select(r => CsvValue(r.Cells[c], table.Columns[c]).Length).Append(table.Columns[c].Header.Length).Max();
            sheet.Column(c + 1).Width = Math.Clamp(longest + 2, 8, 60);
        }

        var about = workbook.Worksheets.Add("Source");
        var lines = new (string, string?)[] { ("Titre", table.Title), ("Unité", table.Unit), ("Source", table.Source), ("Note", table.Note) };
        for (var i = 0; i < lines.Length; i++)
        {
            about.Cell(i + 1, 1).Value = lines[i].Item1;
            about.Cell(i + 1, 1).Style.Font.Bold = true;
            // A survey's title is typed by its staff: a text cell like any other (SpreadsheetText).
            about.Cell(i + 1, 2).Value = SpreadsheetText.Safe(lines[i].Item2);
            about.Cell(i + 1, 2).DataType = XLDataType.Text;
        }
        about.Column(1).Width = 12;
        about.Column(2).Width = 100;
        about.Column(2).Style.Alignment.WrapText = true;

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
