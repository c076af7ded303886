using System.Globalization;

namespace Berceau.Domain.Applications;

/// <summary>
/// The human reference of an application: DEM-&lt;commune&gt;-&lt;year&gt;-&lt;number&gt;, e.g. DEM-93048-2026-000123, numbered per
/// commune and year so that an agent can read it out on the phone. The number is fixed-width, so the greatest reference
/// of a prefix is also the last one given.
/// </summary>
public static class ApplicationReference
{
    public static string Prefix(string communeCode, int year) => $"DEM-{communeCode}-{year.ToString(CultureInfo.InvariantCulture)}-";

    public static string Format(string communeCode, int year, int number) =>
        Prefix(communeCode, year) + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The number after <paramref name="last"/> (null when none was given yet).</summary>
    public static int NextNumber(string? last) =>
        last is not null && int.TryParse(last.AsSpan(last.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
}
