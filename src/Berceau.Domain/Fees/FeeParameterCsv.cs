using System.Globalization;
using System.Text;
using Berceau.Domain.Common;

namespace Berceau.Domain.Fees;

/// <summary>
/// Reads fee parameters from CSV: header <c>key,valid_from,valid_to,value,source</c>, dates as yyyy-MM-dd (valid_to empty
/// when still in force, inclusive otherwise), values with a decimal point, fields quoted with " when they contain a comma.
/// Every bad row gives a problem whose message starts with its line number (the header is line 1); blank lines are skipped.
/// </summary>
public static class FeeParameterCsv
{
    public const string Header = "key,valid_from,valid_to,value,source";

    private static readonly string[] Columns = Header.Split(',');

    public static Outcome<IReadOnlyList<FeeParameter>> Parse(TextReader reader)
    {
        var problems = new List<Problem>();
        var parameters = new List<(FeeParameter Parameter, int Line)>();

        var header = reader.ReadLine()?.TrimStart('\uFEFF').Trim();
        if (header != Header)
            return Outcome<IReadOnlyList<FeeParameter>>.Failure(Problem.Of("csv-header", "header", Header));

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;

            var rowProblems = new List<Problem>();
            var parameter = ParseRow(line, lineNumber, rowProblems);
            if (parameter is not null)
            {
                var overlapping = parameters.FirstOrDefault(p => p.Parameter.Overlaps(parameter));
                if (overlapping.Parameter is not null)
                    rowProblems.Add(Problem.Of("csv-overlapping-period", "valid_from", lineNumber, parameter.Key, overlapping.Line));
                else
                    parameters.Add((parameter, lineNumber));
            }
            problems.AddRange(rowProblems);
        }

        return problems.Count == 0
            ? Outcome<IReadOnlyList<FeeParameter>>.Success([.. parameters.Select(p => p.Parameter)])
            : Outcome<IReadOnlyList<FeeParameter>>.Failure(problems);
    }

    /// <summary>The row as a parameter, or null with its problems added to <paramref name="problems"/>.</summary>
    private static FeeParameter? ParseRow(string line, int lineNumber, List<Problem> problems)
    {
        var fields = SplitFields(line);
        if (fields is null)
        {
            problems.Add(Problem.Of("csv-unterminated-quote", "line", lineNumber));
            return null;
        }
        if (fields.Count != Columns.Length)
        {
            problems.Add(Problem.Of("csv-column-count", "line", lineNumber, Columns.Length, fields.Count));
            return null;
        }

        var (key, validFromText, validToText, valueText, source) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        var before = problems.Count;

        if (key.Length == 0)
            problems.Add(Problem.Of("csv-required", "key", lineNumber, "key"));
        else if (!FeeParameterKeys.IsKnown(key))
            problems.Add(Problem.Of("csv-unknown-parameter", "key", lineNumber, key));

        var validFrom = ParseDate(validFromText, "valid_from", lineNumber, problems, required: true);
        var validTo = ParseDate(validToText, "valid_to", lineNumber, problems, required: false);

        decimal value = 0m;
        if (valueText.Length == 0)
            problems.Add(Problem.Of("csv-required", "value", lineNumber, "value"));
        else if (!decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            problems.Add(Problem.Of("csv-invalid-number", "value", lineNumber, valueText));
        else if (value < 0m)
            problems.Add(Problem.Of("csv-negative-value", "value", lineNumber));

        if (source.Length == 0)
            problems.Add(Problem.Of("csv-required", "source", lineNumber, "source"));

        if (validFrom is { } from && validTo is { } to && to < from)
            problems.Add(Problem.Of("csv-invalid-period", "valid_to", lineNumber, validToText, validFromText));

        return problems.Count == before ? new FeeParameter(key, validFrom!.Value, validTo, value, source) : null;
    }

    private static DateOnly? ParseDate(string text, string column, int lineNumber, List<Problem> problems, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
                problems.Add(Problem.Of("csv-required", column, lineNumber, column));
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add(Problem.Of("csv-invalid-date", column, lineNumber, text));
        return null;
    }

    /// <summary>Splits one line on commas, honouring "quoted, fields" and "" inside quotes; trims unquoted fields.
    /// Null when a quote is left open.</summary>
    private static List<string>? SplitFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"')
                    field.Append(line[++i]);
                else
                    quoted = false;
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
                field.Clear();
                wasQuoted = false;
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
            return null;
        fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
        return fields;
    }
}
