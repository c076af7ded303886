namespace Berceau.Domain.Common;

/// <summary>
/// The free text of a case's log (a family's follow-up case, a structure's accompaniment case): trimmed, empty is none, a
/// reason has a minimum length and every note a maximum. One place, so that both logs refuse the same input in the same words.
/// </summary>
public static class CaseNotes
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A mandatory reason of at least <paramref name="min"/> characters; <paramref name="missingCode"/> names the problem.</summary>
    public static Outcome<string> Reason(string? reason, string field, int min, int max, string missingCode)
    {
        var text = Clean(reason);
        if (text is null || text.Length < min) return Problem.Of(missingCode, field, min);
        if (text.Length > max) return Problem.Of("too-long", field, max);
        return text;
    }
}
