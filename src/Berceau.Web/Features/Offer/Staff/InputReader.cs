using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>
/// Reads the text typed in a form field into a value, collecting a French <see cref="Problem"/> for the field when it is
/// not valid. Forms bind text (not int or DateOnly) so that what the user typed is always shown back and every message
/// comes from <see cref="Messages"/>, never from the model binder's English defaults.
/// </summary>
internal sealed class InputReader
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Problems => _problems;

    public bool HasProblem(string field) => _problems.Exists(p => p.Field == field);

    public void Add(string code, string field, params object[] args)
    {
        // GOV.UK shows one message per field: the first problem found is the one that helps.
        if (!HasProblem(field))
        {
            _problems.Add(Problem.Of(code, field, args));
        }
    }

    /// <summary>A problem found by another check (a domain verb, an upload), kept if its field has none yet.</summary>
    public void Add(Problem problem)
    {
        if (!HasProblem(problem.Field)) _problems.Add(problem);
    }

    public string? Text(string? value, string field, int maxLength, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required) Add("required", field);
            return null;
        }
        if (text.Length > maxLength)
        {
            Add("too-long", field, maxLength);
        }
        return text;
    }

    public int? Integer(string? value, string field, int min, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add("required", field);
            return null;
        }
        if (!int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            Add("not-a-number", field);
            return null;
        }
        if (number < min || number > max)
        {
            Add("out-of-range", field, min, max);
            return null;
        }
        return number;
    }

    /// <summary>A decimal number, with a comma (French) or a point.</summary>
    public double? Decimal(string? value, string field, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!double.TryParse(value.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            Add("not-a-number", field);
            return null;
        }
        if (number < min || number > max)
        {
            Add("out-of-range", field, min.ToString(French), max.ToString(French));
            return null;
        }
        return number;
    }

    /// <summary>A date as sent by a date field (2026-09-01) or typed the French way (01/09/2026).</summary>
    public DateOnly? Date(string? value, string field, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add("required", field);
            return null;
        }
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy"], French, DateTimeStyles.None, out iso))
        {
            if (iso.Year is >= 1900 and <= 2200) return iso;
        }
        Add("not-a-date", field);
        return null;
    }

    /// <summary>A time of day as sent by a time field (07:30) or typed "7h30".</summary>
    public TimeOnly? Time(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim().Replace('h', ':').Replace('H', ':');
        if (text.EndsWith(':')) text += "00";
        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        Add("not-a-time", field);
        return null;
    }

    /// <summary>Checked days (values are <see cref="WeekDays"/> names); <see cref="WeekDays.None"/> when none is checked.</summary>
    public Domain.Offer.WeekDays Days(IEnumerable<string> values, string field)
    {
        var days = Domain.Offer.WeekDays.None;
        foreach (var value in values)
        {
            var day = FacilityForm.DayLabels.FirstOrDefault(d => d.Day.ToString() == value).Day;
            if (day == Domain.Offer.WeekDays.None) Add("unknown-value", field);
            days |= day;
        }
        return days;
    }

    /// <summary>The values of the day checkboxes for <paramref name="days"/>.</summary>
    public static List<string> Format(Domain.Offer.WeekDays days) =>
        [.. FacilityForm.DayLabels.Where(d => days.HasFlag(d.Day)).Select(d => d.Day.ToString())];

    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Format(int? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "";
}
