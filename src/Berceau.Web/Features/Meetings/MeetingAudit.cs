namespace Berceau.Web.Features.Meetings;

/// <summary>The audit log's words for meetings and their registrations.</summary>
public static class MeetingAudit
{
    public const string MeetingEntity = "InfoMeeting";
    public const string RegistrationEntity = "MeetingRegistration";

    public const string Created = "réunion créée";
    public const string Updated = "réunion modifiée";
    public const string Published = "réunion publiée";
    public const string Cancelled = "réunion annulée";
    public const string Registered = "inscription à une réunion";
    public const string RegistrationCancelled = "inscription à une réunion annulée";
    public const string Waitlisted = "inscription sur la liste d’attente d’une réunion";
    public const string FromWaitingList = "inscription depuis la liste d’attente";
    public const string Purged = "inscriptions anciennes effacées";
    public const string PresenceMarked = "présences à une réunion";
    public const string Exported = "liste de présence exportée";
}
