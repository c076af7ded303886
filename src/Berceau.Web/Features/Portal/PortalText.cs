using System.Globalization;
using Berceau.Domain.Offer;

namespace Berceau.Web.Features.Portal;

/// <summary>How the public pages write ages, dates, amounts and the offer's flags, in plain French, in one place.</summary>
public static class PortalText
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"8 mois", "2 ans", "2 ans et 6 mois": months up to 2 years, as parents count them.</summary>
    public static string Age(int months)
    {
        if (months < 24) return $"{months} mois";
        var years = months / 12;
        var rest = months % 12;
        return rest == 0 ? $"{years} ans" : $"{years} ans et {rest} mois";
    }

    /// <summary>"de 2 mois à 17 mois".</summary>
    public static string AgeRange(int minMonths, int maxMonths) => $"de {Age(minMonths)} à {Age(maxMonths)}";

    /// <summary>"5 janvier 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

    /// <summary>"1 234,56 €" with non-breaking spaces, so that an amount never wraps.</summary>
    public static string Euros(decimal amount) => amount.ToString("#,##0.00", French).Replace('\u202f', '\u00a0') + "\u00a0€";

    public static string Count(int count, string singular, string plural) =>
        count.ToString("#,##0", French).Replace('\u202f', '\u00a0') + "\u00a0" + (count <= 1 ? singular : plural);

    public static string FreePlaces(int count) => count switch
    {
        0 => "Pas de place déclarée",
        1 => "1 place disponible",
        _ => $"{count} places disponibles",
    };

    /// <summary>"du lundi au vendredi", "lundi, mardi et samedi".</summary>
    public static string Days(WeekDays days)
    {
        if (days == WeekDays.Weekdays) return "du lundi au vendredi";
        if (days == (WeekDays.Weekdays | WeekDays.Saturday)) return "du lundi au samedi";
        if (days == (WeekDays.Weekdays | WeekDays.Saturday | WeekDays.Sunday)) return "tous les jours";
        var names = DayNames.Where(d => days.HasFlag(d.Day)).Select(d => d.Name).ToList();
        return names.Count switch
        {
            0 => "non renseignés",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " et " + names[^1],
        };
    }

    private static readonly (WeekDays Day, string Name)[] DayNames =
    [
        (WeekDays.Monday, "lundi"), (WeekDays.Tuesday, "mardi"), (WeekDays.Wednesday, "mercredi"), (WeekDays.Thursday, "jeudi"),
        (WeekDays.Friday, "vendredi"), (WeekDays.Saturday, "samedi"), (WeekDays.Sunday, "dimanche"),
    ];

    /// <summary>"8 h 30".</summary>
    public static string Time(TimeOnly time) => time.Minute == 0 ? $"{time.Hour} h" : $"{time.Hour} h {time.Minute:00}";

    /// <summary>The accueil types, in the order a parent reads them: "régulier, occasionnel et d’urgence".</summary>
    public static string Reception(ReceptionTypes types)
    {
        var names = ReceptionChoices.Where(r => (types & r.Type) == r.Type).Select(r => r.Adjective).ToList();
        return names.Count switch
        {
            0 => "non renseigné",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " et " + names[^1],
        };
    }

    /// <summary>The accueil types with their value in the search URL and their label in the filters.</summary>
    public static readonly IReadOnlyList<(ReceptionTypes Type, string Value, string Label, string Adjective)> ReceptionChoices =
    [
        (ReceptionTypes.Regular, "regulier", "Accueil régulier (contrat)", "régulier"),
        (ReceptionTypes.Occasional, "occasionnel", "Accueil occasionnel (quelques heures)", "occasionnel"),
        (ReceptionTypes.Emergency, "urgence", "Accueil d’urgence", "d’urgence"),
    ];

    public static string YesNo(bool value) => value ? "Oui" : "Non";

    /// <summary>How the family pays, in a few words: the PSU barème says "according to your resources".</summary>
    public static string Pricing(CareMode mode, bool isPsu) => mode switch
    {
        _ when mode.IsService() => "Service gratuit",
        _ when isPsu => "Tarif selon vos ressources (barème national, PSU)",
        CareMode.AssistantMaternel or CareMode.Mam or CareMode.GardeDomicile => "Salaire convenu avec vous, aidé par la CAF (CMG)",
        _ => "Tarif fixé par la structure, aidé par la CAF (CMG)",
    };

    /// <summary>
    /// One colour per family of modes on the maps, each with at least 3:1 contrast against the map's light background.
    /// The colour is never the only clue: the popup, the legend and the list say the mode in words.
    /// </summary>
    public static string MapColour(CareMode mode) => mode switch
    {
        CareMode.EajeCollectif => "#1d70b8",
        CareMode.MicroCreche => "#4c2c92",
        CareMode.CrecheFamiliale or CareMode.CrecheParentale or CareMode.CrecheEntreprise => "#005a30",
        CareMode.AssistantMaternel => "#b04a00",
        CareMode.Mam => "#a0195e",
        CareMode.GardeDomicile => "#6f4e00",
        _ => "#505a5f",
    };
}
