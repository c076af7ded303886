using Berceau.Web.Features.Offer.Staff;

namespace Berceau.Web.Features.Offer;

/// <summary>The offer registry: staff pages under /pro/structures to keep facilities, sections and vacancies up to date.</summary>
public static class OfferFeature
{
    public static IServiceCollection AddOfferFeature(this IServiceCollection services) => services
        .AddScoped<FacilityQueries>()
        .AddScoped<SaveFacility>()
        .AddScoped<CloseFacility>()
        .AddScoped<DeclareVacancies>()
        .AddScoped<Childminder.SaveChildminderProfile>();
}
