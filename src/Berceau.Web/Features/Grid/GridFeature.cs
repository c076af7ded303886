using Berceau.Web.Features.Grid.Staff;

namespace Berceau.Web.Features.Grid;

/// <summary>The points grid of each commune: public at /grille/{commune} with a score simulator, published by staff at /pro/grilles.</summary>
public static class GridFeature
{
    public static IServiceCollection AddGridFeature(this IServiceCollection services) => services
        .AddScoped<GridQueries>()
        .AddScoped<PublishGrid>();
}
