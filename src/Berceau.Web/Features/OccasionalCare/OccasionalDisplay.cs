using System.Globalization;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>How occasional care reads in French, once for every page, e-mail and export.</summary>
public static class OccasionalDisplay
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", French);

    public static string ShortDay(DateOnly day) => day.ToString("dd/MM/yyyy", French);

    public static string Time(TimeOnly time) => time.ToString("H'h'mm", French);

    public static string Times(TimeOnly start, TimeOnly end) => $"de {Time(start)} à {Time(end)}";

    public static string Euros(decimal amount) => amount.ToString("#,0.00", French) + " €";

    public static string Hours(decimal hours) => hours.ToString("0.##", French) + " h";

    public static string Places(int places) => places + (places > 1 ? " places" : " place");

    public static string Ages(int min, int max) => $"de {min} à {max} mois";

    /// <summary>The instant the slot starts: its day and time are the territory's.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local));
    }

    /// <summary>The PSU barème of the facility: crèches familiales and parentales have their own (lower) rates.</summary>
    public static Domain.Fees.PsuCareMode PsuMode(CareMode mode) =>
        mode is CareMode.CrecheFamiliale or CareMode.CrecheParentale ? Domain.Fees.PsuCareMode.FamilyOrParental : Domain.Fees.PsuCareMode.Collective;

    public static string Slot(OccasionalSlot slot) =>
        $"{Day(slot.Day)}, {slot.HalfDay.Label().ToLowerInvariant()} {Times(slot.StartsAt, slot.EndsAt)}";
}
