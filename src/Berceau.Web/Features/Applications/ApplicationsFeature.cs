using Berceau.Domain.Access;
using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Applications.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// The guichet unique: a family applies once for the crèches of its commune and follows its application under
/// /famille/demandes; the commune's agents check and follow applications under /pro/demandes.
/// </summary>
public static class ApplicationsFeature
{
    /// <summary>The back office is the guichet's: agents and admins. Which applications, the handlers decide (territory).</summary>
    public const string CaseworkPolicy = "guichet";

    public static IServiceCollection AddApplicationsFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(CaseworkPolicy, p => p.RequireRole(Roles.Agent, Roles.Admin));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Applications/Staff", CaseworkPolicy));
        return services.AddApplicationServices();
    }

    private static IServiceCollection AddApplicationServices(this IServiceCollection services) => services
        .AddScoped<FamilyApplicationQueries>()
        .AddScoped<CaseworkAccess>()
        .AddScoped<CaseworkQueues>()
        .AddScoped<CaseworkFiles>()
        .AddScoped<CaseworkActions>()
        .AddScoped<AttachCodes>()
        .AddScoped<SaveApplication>()
        .AddScoped<ChangeApplication>()
        .AddScoped<AddProof>()
        .AddScoped<ApplicationEvents>();
}
