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

    /// <summary>Who a reserve is for, in plain words: « Place réservée aux familles qui touchent un minimum social ».</summary>
    public static string ReservedFor(string category) => category switch
    {
        CommissionReserves.PovertyCategory => "aux familles qui touchent un minimum social",
        CommissionReserves.InsertionCategory => "aux parents en insertion ou en recherche d’emploi (crèche AVIP)",
        _ => $"« {category} »",
    };
}
