using System.Globalization;
using Berceau.Domain.Commission;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Commission;

/// <summary>How the commission pages write days, names and statuses.</summary>
public static class CommissionDisplay
{

    public static StringComparer FrenchOrder { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    /// <summary>The day of an instant in metropolitan France: a family that submitted at 00:30 on the 2nd submitted on the 2nd.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => ParisTime.DayOf(at);

    public static string TagColour(CommissionStatus status) => status switch
    {
        CommissionStatus.Preparation => "blue",
        CommissionStatus.Frozen => "yellow",
        CommissionStatus.Validated => "green",
        CommissionStatus.Cancelled => "red",
        _ => "grey",
    };

    public static string Seats(int n) => n > 1 ? $"{n} places" : $"{n} place";

    public static string ReservedSeats(int n) => n > 1 ? $"{n} places réservées" : $"{n} place réservée";

    /// <summary>« 2 pourvues via la réserve », « 1 pourvue via la réserve ».</summary>
    public static string FilledViaReserve(int n) => n > 1 ? $"{n} pourvues via la réserve" : $"{n} pourvue via la réserve";

    /// <summary>Who a reserve is for, in plain words: « Place réservée aux familles qui touchent un minimum social ».</summary>
    public static string ReservedFor(string category) => category switch
    {
        CommissionReserves.PovertyCategory => "aux familles qui touchent un minimum social",
        CommissionReserves.InsertionCategory => "aux parents en insertion ou en recherche d’emploi (crèche AVIP)",
        _ => $"« {category} »",
    };

    /// <summary>
    /// The reserves of a section in one phrase: « 2 places réservées : 1 aux familles qui touchent un minimum social, pourvue
    /// via la réserve ; 1 aux parents en insertion…, non pourvue (rendue à tous) ». Empty when the section had none.
    /// </summary>
    public static string Reserves(IReadOnlyList<ReserveLine> lines)
    {
        if (lines.Count == 0) return "";
        var total = lines.Sum(l => l.Seats);
        return $"{ReservedSeats(total)} : " + string.Join(" ; ", lines.Select(l =>
            $"{l.Seats} {ReservedFor(l.Category)}, " + (l.Filled == 0 ? "aucune pourvue via la réserve (rendue à tous)"
                : l.Filled == l.Seats ? (l.Seats > 1 ? "toutes pourvues via la réserve" : "pourvue via la réserve")
                : $"{l.Filled} pourvue{(l.Filled > 1 ? "s" : "")} via la réserve")));
    }

    /// <summary>A reserve's category in two words, for the columns of a table: « minimum social », « insertion (AVIP) ».</summary>
    public static string ReserveShort(string category) => category switch
    {
        CommissionReserves.PovertyCategory => "minimum social",
        CommissionReserves.InsertionCategory => "insertion (AVIP)",
        _ => category,
    };
}
