namespace Berceau.Web.Features.Portal;

public static class PortalFeature
{
    public static IServiceCollection AddPortalFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicOfferCacheOptions>(configuration.GetSection("PublicOfferCache"));
        return services.AddScoped<FacilitySearch>().AddSingleton<CommuneDirectory>().AddSingleton<PublicOfferCache>();
    }
}
