namespace Berceau.Web.Infrastructure;

/// <summary>
/// The time of the territory's families and staff, whatever the server's zone: dates shown and days counted (seniority, freeze)
/// must be the ones a family in Seine-Saint-Denis would read on its calendar, on every page alike.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Of(at).DateTime);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            // A server without time zone data still shows something sensible.
            return TimeZoneInfo.Utc;
        }
    }
}
