using System.Globalization;
using Berceau.Domain.Meetings;

namespace Berceau.Web.Features.Meetings;

/// <summary>How a meeting reads in pages and e-mails: « mardi 24 novembre 2026, de 18 h 00 à 19 h 30 ».</summary>
public static class MeetingText
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("dddd d MMMM yyyy", French);

    public static string Time(TimeOnly time) => time.ToString("H' h 'mm", French);

    public static string When(InfoMeeting m) => $"{Date(m.Date)}, de {Time(m.StartsAt)} à {Time(m.EndsAt)}";

    public static string Where(InfoMeeting m) => (m.Place, m.VideoLink) switch
    {
        ({ } place, null) => place,
        (null, { }) => "En ligne (visioconférence)",
        ({ } place, { }) => $"{place}, ou en ligne (visioconférence)",
        _ => "",
    };

    public static string Seats(int left) => left switch
    {
        0 => "Complet",
        1 => "1 place restante",
        _ => $"{left} places restantes",
    };

    public static string Attendees(int count) => count == 1 ? "1 personne" : $"{count} personnes";

    public static string Languages(InfoMeeting m) => string.Join(", ", m.LanguageList);

    public static string StatusColour(MeetingStatus status) => status switch
    {
        MeetingStatus.Published => "green",
        MeetingStatus.Cancelled => "red",
        _ => "grey",
    };
}
