using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;

namespace Berceau.Web.Features.Childminders;

/// <summary>How the families' pages say a childminder's offer in plain French.</summary>
public static class ChildminderText
{
    public static string Availability(Vacancy v, DateOnly today) =>
        $"{v.Places} {(v.Places > 1 ? "places" : "place")} {(v.From <= today ? "dès maintenant" : "à partir du " + OfferDisplay.Date(v.From))}"
        + $", {OfferDisplay.Ages(v.MinAgeMonths, v.MaxAgeMonths)}" + (v.Days == WeekDays.None ? "" : $", {OfferDisplay.Days(v.Days).ToLowerInvariant()}");

    public static string Address(ChildminderResult r) => $"{(r.Street.Length == 0 ? "" : r.Street + ", ")}{r.PostalCode} {r.CommuneName}";

    public static string Hours(ChildminderResult r) =>
        OfferDisplay.Days(r.OpeningDays) + (r.OpensAt is null && r.ClosesAt is null ? "" : ", " + OfferDisplay.Hours(r.OpensAt, r.ClosesAt).ToLowerInvariant());
}
