using Berceau.Web.Features.Applications.Family;

namespace Berceau.Web.Features.Applications;

/// <summary>The guichet unique: a family applies once for the crèches of its commune and follows its application under /famille/demandes.</summary>
public static class ApplicationsFeature
{
    public static IServiceCollection AddApplicationsFeature(this IServiceCollection services) => services
        .AddScoped<FamilyApplicationQueries>()
        .AddScoped<SaveApplication>()
        .AddScoped<ChangeApplication>()
        .AddScoped<AddProof>()
        .AddScoped<ApplicationEvents>()
        .AddScoped<Api.ApplicationApiQueries>();
}
