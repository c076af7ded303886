using System.Globalization;

namespace Berceau.Web.Features.Portal;

/// <summary>
/// Reads what parents type in the public forms. The pages bind every field as text and parse it here, so that a bad
/// value gives a French message on its field rather than the framework's English binding error, and is shown back as typed.
/// </summary>
public static class PortalInput
{
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "yyyy-M-d",
    ];

    /// <summary>A date as French people write it (15/03/2026, 15-03-2026, 15 03 2026) or as the ISO form (2026-03-15).</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateOnly.TryParseExact(cleaned, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            && date.Year >= 1900;
    }

    /// <summary>"36 000", "36000,50", "4.5 €": spaces (also the non-breaking ones) and the euro sign are ignored, comma or point.</summary>
    public static bool TryNumber(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cleaned = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c is not '€' and not '\u00a0' and not '\u202f')])
            .Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whole months of age on <paramref name="on"/> (negative when the child is not born yet).</summary>
    public static int AgeInMonths(DateOnly birth, DateOnly on)
    {
        var months = (on.Year - birth.Year) * 12 + on.Month - birth.Month;
        if (on < birth) return Math.Min(-1, months);
        return on.Day < birth.Day ? months - 1 : months;
    }
}
