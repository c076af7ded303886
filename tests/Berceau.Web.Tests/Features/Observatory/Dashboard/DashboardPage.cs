using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Berceau.Web.Tests.Features.Observatory.Dashboard;

/// <summary>Reads the indicator tables of a dashboard or profile page, and the CSV exports, as rows of cell texts.</summary>
internal static partial class DashboardPage
{
    /// <summary>The rows (header row first) of the table with id « tableau-<paramref name="id"/> », each cell as its text.</summary>
    public static List<List<string>> Table(string html, string id)
    {
        var table = Regex.Match(html, $"<table[^>]*id=\"tableau-{Regex.Escape(id)}\"[^>]*>(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"Pas de tableau « {id} » dans la page.");
        return Row().Matches(table.Groups[1].Value)
            .Select(r => Cell().Matches(r.Groups[1].Value).Select(c => Text(c.Groups[1].Value)).ToList())
            .ToList();
    }

    /// <summary>The cells of the row whose first cell is <paramref name="label"/>.</summary>
    public static List<string> RowOf(List<List<string>> table, string label) =>
        table.FirstOrDefault(r => r[0] == label) ?? throw new Xunit.Sdk.XunitException($"Pas de ligne « {label} » : {string.Join(" | ", table.Select(r => r[0]))}");

    public static int Column(List<List<string>> table, string header)
    {
        var index = table[0].IndexOf(header);
        Assert.True(index >= 0, $"Pas de colonne « {header} » : {string.Join(" | ", table[0])}");
        return index;
    }

    /// <summary>A CSV export: BOM checked and removed, « ; » fields, quotes handled.</summary>
    public static List<List<string>> Csv(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "Le CSV doit commencer par la marque d’ordre UTF-8 (BOM).");
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var rows = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ';') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { fields.Add(field.ToString()); field.Clear(); rows.Add(fields); fields = []; }
            else field.Append(c);
        }
        return rows;
    }

    /// <summary>A number as the page shows it (« 1 234,5 », « non disponible ») in the CSV's form (« 1234,5 », empty).</summary>
    public static string AsCsv(string pageCell) =>
        pageCell == "non disponible" ? "" : Regex.IsMatch(pageCell, @"^-?[\d\s\u00a0\u202f]+(,\d+)?$") ? Regex.Replace(pageCell, @"[\s\u00a0\u202f]", "") : pageCell;

    /// <summary>« 1 234,5 » → 1234.5.</summary>
    public static decimal Number(string pageCell) =>
        decimal.Parse(AsCsv(pageCell).Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Tags().Replace(html, "")), @"\s+", " ").Trim();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
