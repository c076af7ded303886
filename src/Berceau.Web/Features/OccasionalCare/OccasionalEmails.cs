using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Notifications;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>What the service writes to families about occasional care.</summary>
public static class OccasionalEmails
{
    public const string SlotOpenedKind = "ao-creneau-ouvert";
    public const string FileReviewedKind = "ao-dossier";
    public const string BookedKind = "ao-reservation";
    public const string CancelledByFacilityKind = "ao-annulation-creche";

    public static OutgoingNotification SlotOpened(string facilityName, OccasionalSlot slot, OccasionalChild child) => new(
        SlotOpenedKind,
        "Un créneau d’accueil occasionnel est disponible",
        $"""
        Bonjour,

        Un créneau d’accueil occasionnel vient d’ouvrir pour {child.ChildFirstName} à « {facilityName} » :
        {OccasionalDisplay.Slot(slot)} ({OccasionalDisplay.Places(slot.Places)}).

        La première réservation confirmée obtient la place. Pour réserver, ouvrez le lien ci-dessous.
        Vous recevez ce message parce que vous avez demandé à être prévenu ; vous pouvez l’arrêter depuis la même page.
        """,
        $"{OccasionalCareFeature.FamilyPath}/creneaux?enfant={child.Id}", CommuneCode: slot.CommuneCode);

    public static OutgoingNotification FileReviewed(OccasionalChild child) => new(
        FileReviewedKind,
        child.CanBook ? "Votre dossier d’accueil occasionnel est complet" : "Votre dossier d’accueil occasionnel est incomplet",
        child.CanBook
            ? $"""
              Bonjour,

              Le dossier d’accueil occasionnel de {child.ChildFirstName} est complet : vous pouvez réserver des créneaux.
              """
            : $"""
              Bonjour,

              Le dossier d’accueil occasionnel de {child.ChildFirstName} est incomplet, pour la raison suivante :
              {child.ReviewNote}

              Corrigez-le depuis votre espace.
              """,
        OccasionalCareFeature.FamilyPath, CommuneCode: child.CommuneCode);

    public static OutgoingNotification Booked(string facilityName, OccasionalBooking booking, string communeCode) => new(
        BookedKind,
        "Votre réservation d’accueil occasionnel est confirmée",
        $"""
        Bonjour,

        Votre réservation est confirmée : « {facilityName} », {OccasionalDisplay.Day(booking.Day)} {OccasionalDisplay.Times(booking.StartsAt, booking.EndsAt)}.
        Prix : {OccasionalDisplay.Euros(booking.Price)} ({OccasionalDisplay.Hours(booking.Hours)} à {OccasionalDisplay.Euros(booking.HourlyFee)} de l’heure).
        """,
        $"{OccasionalCareFeature.FamilyPath}/reservations/{booking.Id}", CommuneCode: communeCode);

    public static OutgoingNotification CancelledByFacility(string facilityName, OccasionalBooking booking, string communeCode) => new(
        CancelledByFacilityKind,
        "La crèche a annulé votre réservation d’accueil occasionnel",
        $"""
        Bonjour,

        « {facilityName} » a dû annuler votre réservation du {OccasionalDisplay.Day(booking.Day)} {OccasionalDisplay.Times(booking.StartsAt, booking.EndsAt)}, pour la raison suivante :
        {booking.CancellationReason}

        Cette réservation ne vous sera pas facturée. Vous pouvez réserver un autre créneau depuis votre espace.
        """,
        $"{OccasionalCareFeature.FamilyPath}/reservations/{booking.Id}", CommuneCode: communeCode);
}
