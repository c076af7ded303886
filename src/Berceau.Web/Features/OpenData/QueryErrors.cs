using System.Globalization;
using System.Text.RegularExpressions;
using Berceau.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Berceau.Web.Features.OpenData;

/// <summary>
/// Reads query parameters received as text and collects, per parameter, the French messages of what is wrong.
/// The API binds every parameter as a string and parses it here, so that a bad value never reaches the framework's
/// binder (whose 400 is English and anonymous) and every error names its parameter.
/// </summary>
internal sealed partial class QueryErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message)
    {
        if (!_errors.TryGetValue(parameter, out var messages))
            _errors[parameter] = messages = [];
        messages.Add(message);
    }

    public void Add(Problem problem) => Add(problem.Field, problem.Message);

    public void Add(string parameter, string code, params object[] args) => Add(Problem.Of(code, parameter, args));

    /// <summary>An absent or blank value is null; otherwise an integer in [min, max] or an error.</summary>
    public int? Integer(string parameter, string? text, int min, int max, int? example = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Add(parameter, "not-an-integer", example ?? min);
            return null;
        }
        if (value < min || value > max)
        {
            if (max == int.MaxValue)
                Add(parameter, "at-least", min);
            else
                Add(parameter, "out-of-range", min, max);
            return null;
        }
        return value;
    }

    /// <summary>A decimal with a point (a comma is accepted too: people type 1234,50); range checks stay with the domain.</summary>
    public decimal? Decimal(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
            return value;
        Add(parameter, "not-a-number");
        return null;
    }

    /// <summary>true/false (also 1/0, oui/non); absent is null.</summary>
    public bool? Boolean(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "oui": return true;
            case "false" or "0" or "non": return false;
            default:
                Add(parameter, "not-a-boolean");
                return null;
        }
    }

    public DateOnly? Date(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Add(parameter, "not-an-iso-date");
        return null;
    }

    /// <summary>A département code: 01–95 (2A, 2B for Corsica) or 971–976; upper-cased.</summary>
    public string? Departement(string parameter, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var code = text.Trim().ToUpperInvariant();
        if (DepartementCode().IsMatch(code)) return code;
        Add(parameter, "invalid-departement");
        return null;
    }

    public ValidationProblem ToValidationProblem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            detail: "Un ou plusieurs paramètres ne sont pas valides : voyez « errors ».",
            title: "Paramètres invalides");

    [GeneratedRegex("^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$")]
    private static partial Regex DepartementCode();
}
