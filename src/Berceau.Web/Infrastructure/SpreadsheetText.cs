namespace Berceau.Web.Infrastructure;

/// <summary>
/// Formula injection (CSV injection): a spreadsheet opening an export runs a cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> (or a tab or carriage return before them) as a formula — <c>=HYPERLINK(…)</c> typed as a name by an
/// anonymous visitor would become a link or a call in the agent's spreadsheet. Every TEXT cell of our exports goes through
/// <see cref="Safe"/>, which puts an apostrophe before such a first character, as OWASP recommends; numbers and dates are
/// written by the exports themselves and are not touched (a negative number stays a number).
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
}
