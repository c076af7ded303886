using System.Globalization;
using System.Text;

namespace Berceau.Domain.Common;

/// <summary>
/// The words a text search compares: lower case, without accents, punctuation read as a space, so that « creche » finds « Crèche »
/// and « saint denis » finds « Saint-Denis ». One implementation for the stored search text of the good practices (the same
/// <c>LIKE</c> works on SQLite and PostgreSQL) and for the public directories searched in memory.
/// </summary>
public static class SearchWords
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            kept.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The distinct words of a query, as <see cref="Fold"/> writes them, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<string> Terms(string? query, int max = 8) =>
        [.. Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(max)];
}
