namespace Berceau.Web.Features.Schema.Governance;

/// <summary>
/// The audit lines of the governance, like <see cref="SchemaAudit"/>: every change, in the same SaveChanges. Reads are not
/// audited: minutes and attendance name the organisations and, at most, the people who sit for them in a public body.
/// </summary>
public static class GovernanceAudit
{
    public const string BodyEntity = "instance de gouvernance";
    public const string MeetingEntity = "réunion d’instance";
    public const string FollowUpEntity = "suivi de décision";

    public const string BodyCreated = "création d’une instance";
    public const string BodyChanged = "modification d’une instance";
    public const string MemberAdded = "ajout d’un membre à une instance";
    public const string MemberRemoved = "retrait d’un membre d’une instance";
    public const string MeetingScheduled = "réunion d’instance planifiée";
    public const string MeetingChanged = "réunion d’instance modifiée";
    public const string MeetingCancelled = "réunion d’instance annulée";
    public const string InvitationsSent = "invitations à une réunion d’instance";
    public const string AttendanceRecorded = "présences et compte rendu";
    public const string DecisionRecorded = "décision d’une réunion d’instance";
    public const string DocumentAdded = "document d’une réunion d’instance";
    public const string FollowUpCreated = "action de suivi créée";
    public const string FollowUpReported = "avancement d’une action de suivi";
}
