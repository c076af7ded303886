using Berceau.Web.Features.Territories.Staff;

namespace Berceau.Web.Features.Territories;

/// <summary>The territory below the commune: sectors drawn by the commune's staff under /pro/secteurs.</summary>
public static class TerritoriesFeature
{
    public static IServiceCollection AddTerritoriesFeature(this IServiceCollection services) => services
        .AddScoped<SectorAccess>()
        .AddScoped<SectorQueries>()
        .AddScoped<SaveSector>()
        .AddScoped<DeleteSector>();
}
