namespace Berceau.Web.Features.Childminders;

/// <summary>The audit log's words for the childminders' accounts, profiles and contact requests.</summary>
public static class ChildminderAudit
{
    public const string InvitationEntity = "ChildminderInvitation";
    public const string RegistrationEntity = "ChildminderRegistration";
    public const string ContactRequestEntity = "ContactRequest";

    public const string Invited = "invitation d’assistant·e maternel·le";
    public const string InvitationUsed = "compte d’assistant·e maternel·le créé sur invitation";
    public const string Registered = "inscription d’assistant·e maternel·le";
    public const string RegistrationAccepted = "inscription d’assistant·e maternel·le acceptée";
    public const string RegistrationRefused = "inscription d’assistant·e maternel·le refusée";
    public const string ProfileUpdated = "profil d’assistant·e maternel·le";
    public const string ContactRequested = "demande de contact";
    public const string ContactAccepted = "demande de contact acceptée";
    public const string ContactDeclined = "demande de contact déclinée";
    public const string ContactWithdrawn = "demande de contact retirée par la famille";
}
