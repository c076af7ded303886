using Berceau.Domain.Meetings;
using Berceau.Web.Features.Notifications;

namespace Berceau.Web.Features.Meetings;

/// <summary>What the service writes to people registered to a meeting.</summary>
public static class MeetingEmails
{
    public const string RegisteredKind = "reunion-inscription";
    public const string ReminderKind = "reunion-rappel";
    public const string CancelledKind = "reunion-annulee";
    public const string ChangedKind = "reunion-modifiee";
    public const string WaitingKind = "reunion-liste-attente";
    public const string FromWaitingListKind = "reunion-place-liberee";

    private static string Details(InfoMeeting m) =>
        $"""
        « {m.Title} » ({m.Kind.Label().ToLowerInvariant()}, {m.Organiser})
        Quand : {MeetingText.When(m)}
        Où : {MeetingText.Where(m)}{(m.VideoLink is null ? "" : $"\nLien de la visioconférence : {m.VideoLink}")}
        """;

    /// <summary>The confirmation carries the only copy of the cancellation link (its secret is kept hashed).</summary>
    public static OutgoingNotification Registered(InfoMeeting m, int attendees, string cancelLink) => new(
        RegisteredKind,
        $"Inscription confirmée : {m.Title}",
        $"""
        Bonjour,

        Votre inscription ({MeetingText.Attendees(attendees)}) est enregistrée :
        {Details(m)}

        Nous vous enverrons un rappel la veille. Si vous ne pouvez pas venir, annulez votre inscription avec le lien ci-dessous : la place ira à quelqu’un d’autre.
        Si vous n’êtes pas à l’origine de cette inscription, annulez-la avec ce même lien.
        """,
        cancelLink, CommuneCode: m.CommuneCode);

    public static OutgoingNotification Waiting(InfoMeeting m, int attendees, string cancelLink) => new(
        WaitingKind,
        $"Liste d’attente : {m.Title}",
        $"""
        Bonjour,

        La réunion est complète : vous êtes sur la liste d’attente ({MeetingText.Attendees(attendees)}).
        {Details(m)}

        Si une place se libère, vous serez inscrit automatiquement et prévenu par e-mail. Pour quitter la liste d’attente, utilisez le lien ci-dessous.
        """,
        cancelLink, CommuneCode: m.CommuneCode);

    /// <summary>The person's new cancellation link (a new secret: the waiting list's one is no longer kept).</summary>
    public static OutgoingNotification FromWaitingList(InfoMeeting m, int attendees, string cancelLink) => new(
        FromWaitingListKind,
        $"Une place s’est libérée : vous êtes inscrit à {m.Title}",
        $"""
        Bonjour,

        Une place s’est libérée : votre inscription ({MeetingText.Attendees(attendees)}) est confirmée.
        {Details(m)}

        Nous vous enverrons un rappel la veille. Si vous ne pouvez plus venir, annulez avec le lien ci-dessous : la place ira à la personne suivante.
        """,
        cancelLink, CommuneCode: m.CommuneCode);

    public static OutgoingNotification Reminder(InfoMeeting m) => new(
        ReminderKind,
        $"Rappel : {m.Title}, demain",
        $"""
        Bonjour,

        Vous êtes inscrit à :
        {Details(m)}

        Si vous ne pouvez plus venir, annulez votre inscription avec le lien reçu lors de l’inscription, ou depuis votre espace si vous avez un compte.
        """,
        $"{MeetingsFeature.PublicPath}/{m.Id}", CommuneCode: m.CommuneCode);

    public static OutgoingNotification Changed(InfoMeeting m) => new(
        ChangedKind,
        $"Changement : {m.Title}",
        $"""
        Bonjour,

        La réunion à laquelle vous êtes inscrit a changé de date, d’horaire ou de lieu. Voici ce qui est prévu maintenant :
        {Details(m)}

        Si vous ne pouvez plus venir, annulez votre inscription avec le lien reçu lors de l’inscription, ou depuis votre espace si vous avez un compte.
        """,
        $"{MeetingsFeature.PublicPath}/{m.Id}", CommuneCode: m.CommuneCode);

    public static OutgoingNotification Cancelled(InfoMeeting m) => new(
        CancelledKind,
        $"Annulation : {m.Title}",
        $"""
        Bonjour,

        Nous sommes désolés : la réunion à laquelle vous étiez inscrit est annulée.
        {Details(m)}
        Motif : {m.CancellationReason}

        D’autres réunions sont peut-être prévues près de chez vous : consultez la liste des réunions.
        """,
        MeetingsFeature.PublicPath, CommuneCode: m.CommuneCode);
}
