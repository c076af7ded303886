namespace Berceau.Web.Features.Portal;

public static class PortalFeature
{
    public static IServiceCollection AddPortalFeature(this IServiceCollection services) =>
        services.AddScoped<FacilitySearch>().AddSingleton<CommuneDirectory>();
}
