using Berceau.Web.Features.Applications.Family;

namespace Berceau.Web.Features.Applications;

/// <summary>The guichet unique: a family applies once for the crèches of its commune and follows its application under /famille/demandes.</summary>
public static class ApplicationsFeature
{
    /// <summary>The family pages and their handlers, the API's queries, and the confirmation job (its worker unless <c>Confirmation:RunWorker</c> is false).</summary>
    public static IServiceCollection AddApplicationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Confirmation.ConfirmationOptions>(configuration.GetSection("Confirmation"));
        services.AddSingleton<Confirmation.ConfirmationJob>();
        if (configuration.GetValue("Confirmation:RunWorker", true))
            services.AddHostedService<Confirmation.ConfirmationWorker>();
        return services.AddApplicationsServices();
    }

    private static IServiceCollection AddApplicationsServices(this IServiceCollection services) => services
        .AddScoped<FamilyApplicationQueries>()
        .AddScoped<SaveApplication>()
        .AddScoped<ChangeApplication>()
        .AddScoped<AddProof>()
        .AddScoped<ApplicationEvents>()
        .AddScoped<Api.ApplicationApiQueries>();
}
