namespace Berceau.Web.Features.Commission;

/// <summary>The audit vocabulary of commission sessions: one action per verb, the session named by its id.</summary>
public static class CommissionAudit
{
    public const string EntityType = "CommissionSession";
    public const string Created = "création de la commission";
    public const string SeatsDeclared = "déclaration des places à attribuer";
    public const string Frozen = "gel des demandes";
    public const string Run = "calcul d’attribution";
    public const string Replayed = "rejeu d’un calcul";
    public const string OverrideAdded = "décision de la commission";
    public const string OverrideWithdrawn = "décision de la commission retirée";
    public const string Validated = "validation par la présidence";
    public const string Read = "consultation de l’écran d’examen";
    public const string MembersChanged = "modification des membres de la commission";
    public const string Cancelled = "annulation de la commission";
    public const string AttendanceRecorded = "relevé des présences";
    public const string MinutesPrinted = "téléchargement du procès-verbal";
    public const string FollowUpOpened = "ouverture des dossiers de suivi";
}
