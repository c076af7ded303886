using Berceau.Domain.Offer;

namespace Berceau.Domain.Childminders;

/// <summary>
/// What an assistant·e maternel·le (or a MAM) says about their care beyond the registry's fields (hours, languages,
/// presentation live on the <see cref="Facility"/>): details families ask about, and how much of the address to show.
/// One per facility, created the first time the childminder saves their profile.
/// </summary>
public sealed class ChildminderProfile
{
    public const int MaxDetailLength = 500;

    public required FacilityId FacilityId { get; init; }

    /// <summary>
    /// False by default: families see the street (without the number) and the commune. The childminder works at home, so
    /// the full address is shown only when they choose it.
    /// </summary>
    public bool ShowFullAddress { get; set; }

    /// <summary>Which atypical hours, in their words (e.g. « dès 6 h 30, le samedi matin »).</summary>
    public string? AtypicalHoursDetail { get; set; }

    /// <summary>Experience with children with a disability or a chronic illness, in their words.</summary>
    public string? DisabilityExperience { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The address a family may read: the street without its number (« rue des Lilas ») unless the childminder allows the
    /// full one. Numbers at the start (« 12 », « 12 bis », « 12-14 ») are what is hidden.
    /// </summary>
    public static string StreetForFamilies(string street, bool showFull)
    {
        if (showFull) return street.Trim();
        var text = street.Trim();
        var i = 0;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '-' or ',' or ' ')) i++;
        var rest = text[i..];
        foreach (var suffix in new[] { "bis ", "ter ", "quater " })
        {
            if (i > 0 && rest.StartsWith(suffix, StringComparison.OrdinalIgnoreCase)) rest = rest[suffix.Length..];
        }
        return rest.Trim();
    }
}
