namespace Berceau.Web.Features.FollowUp;

/// <summary>The audit lines of follow-up cases: every change, and every staff read of a case or its letter (RULES §7).</summary>
public static class FollowUpAudit
{
    public const string EntityType = "dossier de suivi";
    public const string Opened = "ouverture du suivi";
    public const string ActionRecorded = "action de suivi";
    public const string Planned = "prochaine action du suivi";
    public const string Closed = "clôture du suivi";
    public const string Reopened = "réouverture du suivi";
    public const string LetterSent = "courrier « solutions » envoyé";
    public const string LetterPrinted = "courrier « solutions » imprimé remis";
    public const string SentLetterRead = "lecture d’un courrier « solutions » envoyé";
    public const string Read = "lecture du dossier de suivi";
    public const string LetterRead = "lecture du courrier « solutions »";
    public const string ListRead = "lecture de la liste des suivis";
}
