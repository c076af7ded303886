using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Training;

/// <summary>
/// The training offer map (issue 10, docs/staffing.md « Formations »): schools and sessions of CAP AEPE, auxiliaire de puériculture
/// and EJE, by route (initial, apprenticeship, VAE, continuing), managed by the guichet's agents and admins (/pro/formations) and
/// published as a list and a Leaflet map (/formations).
/// </summary>
public static class TrainingFeature
{
    public const string PublicPath = "/formations";
    public const string StaffPath = "/pro/formations";
    public const string NewPath = StaffPath + "/fiche";
    public const string EntityType = "offre de formation";
    /// <summary>Session rows of the form (blank rows are ignored).</summary>
    public const int SessionRows = 3;

    public static string EditPath(Guid id) => $"{StaffPath}/fiche/{id}";

    public static IServiceCollection AddTrainingFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Training/Staff", Applications.ApplicationsFeature.CaseworkPolicy));
        services.AddScoped<TrainingOffers>();
        return services;
    }
}
