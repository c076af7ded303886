using Berceau.Domain.Offer;

namespace Berceau.Web.Features.OpenData;

/// <summary>The stable codes the open-data API uses for the offer's enumerations (lower-case French, no accents).</summary>
internal static class OfferLabels
{
    public static readonly (ReceptionTypes Type, string Code)[] Receptions =
    [
        (ReceptionTypes.Regular, "regulier"),
        (ReceptionTypes.Occasional, "occasionnel"),
        (ReceptionTypes.Emergency, "urgence"),
    ];

    private static readonly (WeekDays Day, string Code)[] Days =
    [
        (WeekDays.Monday, "lundi"), (WeekDays.Tuesday, "mardi"), (WeekDays.Wednesday, "mercredi"), (WeekDays.Thursday, "jeudi"),
        (WeekDays.Friday, "vendredi"), (WeekDays.Saturday, "samedi"), (WeekDays.Sunday, "dimanche"),
    ];

    // Most facilities share one of a few combinations: the lists are built once, not per facility per request.
    private static readonly string[][] ReceptionLists =
        [.. Enumerable.Range(0, 8).Select(flags => Receptions.Where(r => (flags & (int)r.Type) != 0).Select(r => r.Code).ToArray())];

    public static IReadOnlyList<string> ReceptionCodes(ReceptionTypes types) => ReceptionLists[(int)types & 7];

    public static bool TryParseReception(string code, out ReceptionTypes type)
    {
        foreach (var (t, c) in Receptions)
        {
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase)) { type = t; return true; }
        }
        type = ReceptionTypes.None;
        return false;
    }

    public static IReadOnlyList<string> DayCodes(WeekDays days) => [.. Days.Where(d => days.HasFlag(d.Day)).Select(d => d.Code)];

    public static string ManagerCode(ManagerType type) => type switch
    {
        ManagerType.Municipal => "municipale",
        ManagerType.Associative => "associative",
        ManagerType.Private => "privee",
        ManagerType.Company => "entreprise",
        ManagerType.Parental => "parentale",
        ManagerType.Departemental => "departementale",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// An assistant·e maternel·le works at home: the API never publishes that address. The street is left out and the
    /// point is rounded to 0.01° (about 1 km), enough to place the childminder in the right part of the commune on a map.
    /// </summary>
    public static bool IsPrivateHome(CareMode mode) => mode == CareMode.AssistantMaternel;

    public static double Blur(double coordinate) => Math.Round(coordinate, 2, MidpointRounding.AwayFromZero);
}
