namespace Berceau.Web.Features.OccasionalCare;

/// <summary>Audit actions and entity types of occasional care.</summary>
public static class OccasionalAudit
{
    public const string SlotEntity = "creneau-accueil-occasionnel";
    public const string BookingEntity = "reservation-accueil-occasionnel";
    public const string ChildEntity = "dossier-accueil-occasionnel";

    public const string Published = "creneau-publie";
    public const string Withdrawn = "creneau-retire";
    public const string Booked = "reservation";
    public const string Cancelled = "reservation-annulee";
    public const string CancelledByFacility = "reservation-annulee-par-la-creche";
    public const string Registered = "dossier-depose";
    public const string Updated = "dossier-modifie";
    public const string Complete = "dossier-complet";
    public const string Incomplete = "dossier-incomplet";
    public const string DayRead = "reservations-du-jour";
}
