using System.Globalization;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>How the offer pages write values in French, and how they put a handler's problems next to the fields.</summary>
public static class OfferDisplay
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>Instants are stored in UTC and shown in the territory's time (metropolitan France).</summary>
    public static string Instant(DateTimeOffset at) =>
        ParisTime.Of(at).ToString("dd/MM/yyyy 'à' HH:mm", French);

    public static string Time(TimeOnly? time) => time?.ToString("HH'h'mm", French) ?? "";

    public static string Number(int n) => n.ToString("N0", French);

    public static string Ages(int min, int max) => $"de {min} à {max} mois";

    /// <summary>
    /// A declaration of free places as its author reads it back; a stale one says families no longer see it,
    /// followed by <paramref name="staleAdvice"/> when the reader should act on it.
    /// </summary>
    public static string Vacancy(Vacancy v, DateTimeOffset now, string staleAdvice = "") =>
        $"{v.Places} {(v.Places > 1 ? "places" : "place")} à partir du {Date(v.From)}"
        + (v.Days == WeekDays.None ? "" : $" ({Days(v.Days).ToLowerInvariant()})")
        + $", déclarée le {Instant(v.DeclaredAt)}"
        + (v.IsFresh(now) || v.Places == 0 ? "" : $" (plus de 2 mois : elle n’est plus montrée aux familles{staleAdvice})");

    public static string YesNo(bool value) => value ? "Oui" : "Non";

    public static string Days(WeekDays days)
    {
        if (days == WeekDays.Weekdays) return "Du lundi au vendredi";
        var names = FacilityForm.DayLabels.Where(d => days.HasFlag(d.Day)).Select(d => d.Label).ToList();
        return names.Count == 0 ? "Non renseignés" : string.Join(", ", names);
    }

    public static string Receptions(ReceptionTypes types)
    {
        var names = FacilityForm.ReceptionLabels.Where(r => types.HasFlag(r.Type)).Select(r => r.Label).ToList();
        return names.Count == 0 ? "Non renseigné" : string.Join(", ", names);
    }

    public static string Hours(TimeOnly? opens, TimeOnly? closes) => (opens, closes) switch
    {
        (null, null) => "Non renseignés",
        ({ } o, { } c) => $"De {Time(o)} à {Time(c)}",
        ({ } o, null) => $"À partir de {Time(o)}",
        (null, { } c) => $"Jusqu’à {Time(c)}",
    };

    /// <summary>Puts each problem on its field (prefixed as the form names it); a problem without field goes to the summary only.</summary>
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<Problem> problems, string prefix)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field.Length == 0 ? "" : prefix + "." + problem.Field, problem.Message);
        }
    }
}
