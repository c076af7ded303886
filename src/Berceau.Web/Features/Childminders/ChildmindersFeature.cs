namespace Berceau.Web.Features.Childminders;

/// <summary>
/// Assistants maternels and MAM beyond the registry: their accounts (invitation by the relais, self-registration checked by
/// an agent), profile, availability reminders, the families' search and contact requests, and the open availability feed.
/// </summary>
public static class ChildmindersFeature
{
    public const string StaffPath = "/pro/assistants-maternels";

    public static IServiceCollection AddChildmindersFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ChildminderAccounts>();
        services.AddScoped<ChildminderQueries>();
        services.AddScoped<ContactRequests>();
        services.AddScoped<ChildminderSearch>();
        services.Configure<AvailabilityReminderOptions>(configuration.GetSection(AvailabilityReminderOptions.Section));
        services.AddSingleton<AvailabilityReminderJob>();
        // Tests turn the worker off and call AvailabilityReminderJob.RunOnceAsync themselves.
        if (configuration.GetValue($"{AvailabilityReminderOptions.Section}:RunWorker", true))
            services.AddHostedService<AvailabilityReminderWorker>();
        return services;
    }

    public static WebApplication MapChildmindersApi(this WebApplication app)
    {
        Api.AvailabilityFeed.Map(app);
        return app;
    }
}
