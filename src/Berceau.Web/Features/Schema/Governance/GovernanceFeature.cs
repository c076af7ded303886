namespace Berceau.Web.Features.Schema.Governance;

/// <summary>
/// Governance of the schéma (issue 9): the instances (CDSF plénière, comité de pilotage, comités thématiques, groupes de travail)
/// and their member organisations, their meetings with agenda, invitations and reminders by e-mail with an iCalendar file,
/// attendance, minutes, documents and decisions, and the follow-up actions the decisions give to organisations
/// (« suivi des décisions »). Pages under /pro/schema/instances, /pro/schema/reunions and /pro/schema/suivi; nothing public.
/// </summary>
public static class GovernanceFeature
{
    public const string BodiesPath = "/pro/schema/instances";
    public const string NewBodyPath = "/pro/schema/instances/edition";
    public const string FollowUpsPath = "/pro/schema/suivi";

    public static string BodyPath(Guid id) => $"{BodiesPath}/{id}";
    public static string EditBodyPath(Guid id) => $"{NewBodyPath}/{id}";
    public static string NewMeetingPath(Guid body) => $"{BodiesPath}/{body}/reunions/nouvelle";
    public static string MeetingPath(Guid id) => $"/pro/schema/reunions/{id}";
    public static string EditMeetingPath(Guid id) => $"/pro/schema/reunions/{id}/modifier";
    public static string MinutesPath(Guid id) => $"/pro/schema/reunions/{id}/compte-rendu";
    public static string DecisionPath(Guid id) => $"/pro/schema/reunions/{id}/decisions/nouvelle";
    public static string DocumentPath(Guid meeting, Guid document) => $"/pro/schema/reunions/{meeting}/documents/{document}";
    public static string FollowUpPath(Guid id) => $"{FollowUpsPath}/{id}";

    public static IServiceCollection AddGovernanceFeature(this IServiceCollection services, IConfiguration configuration)
    {
        // The pages live in /Schema/Staff/Governance: the schéma's folder rule (any staff role) applies; GovernanceAccess decides the rest.
        services.AddScoped<GovernanceAccess>();
        services.AddScoped<GovernanceEditing>();
        services.AddScoped<GovernanceMail>();
        services.AddScoped<GovernanceQueries>();
        services.Configure<GovernanceReminderOptions>(configuration.GetSection(GovernanceReminderOptions.Section));
        services.AddSingleton<GovernanceReminderJob>();
        if (configuration.GetValue($"{GovernanceReminderOptions.Section}:RunWorker", true))
            services.AddHostedService<GovernanceReminderWorker>();
        return services;
    }
}
