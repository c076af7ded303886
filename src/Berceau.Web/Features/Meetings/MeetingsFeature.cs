using Berceau.Web.Features.FollowUp.Solutions;

namespace Berceau.Web.Features.Meetings;

/// <summary>
/// Information meetings, forums and workshops of the communes and their relais: staff publish them, anyone registers
/// (with a family account or a name and an e-mail), seats are counted atomically, registrants are reminded the day before
/// and told if the meeting is cancelled; the organiser keeps the attendance list. The next meetings of the family's commune
/// are a section of the « solutions » letter.
/// </summary>
public static class MeetingsFeature
{
    public const string PublicPath = "/reunions";
    public const string StaffPath = "/pro/reunions";
    public const string FamilyPath = "/famille/reunions";
    public const string CancelPath = "/reunions/annulation";

    public static IServiceCollection AddMeetingsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MeetingForms>();
        services.AddScoped<MeetingRegistrations>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<ISolutionsSource, MeetingSolutionsSource>();
        services.Configure<MeetingReminderOptions>(configuration.GetSection(MeetingReminderOptions.Section));
        services.AddSingleton<MeetingReminderJob>();
        // Tests turn the worker off and call MeetingReminderJob.RunOnceAsync themselves.
        if (configuration.GetValue($"{MeetingReminderOptions.Section}:RunWorker", true))
            services.AddHostedService<MeetingReminderWorker>();
        return services;
    }
}
