using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// Reads `Database:Provider` (sqlite | postgres) and `ConnectionStrings:Berceau`. Without a connection string, SQLite
    /// uses a file under App_Data/ next to the content root, so that a fresh clone runs with zero set-up.
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"] ?? "sqlite";
        var provider = providerText.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider « {providerText} » inconnu : utilisez « sqlite » ou « postgres »."),
        };
        var connectionString = configuration.GetConnectionString("Berceau");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:Provider=postgres demande une chaîne de connexion ConnectionStrings:Berceau.");
            var folder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "berceau.db")}";
        }
        return new DatabaseSettings(provider, connectionString);
    }
}

public static class DataServiceCollectionExtensions
{
    /// <param name="backgroundCheckpoints">SQLite: no commit checkpoints the WAL; the caller runs a checkpointer (<see cref="SqliteTuning"/>).</param>
    public static IServiceCollection AddBerceauData(this IServiceCollection services, DatabaseSettings settings, bool backgroundCheckpoints = false)
    {
        services.AddSingleton(settings);
        services.AddSingleton<OfferChangeSignal>();
        services.AddSingleton<OfferChangeInterceptor>();
        services.AddSingleton<Observatory.IndicatorChangeInterceptor>();
        if (settings.Provider == DatabaseProvider.Sqlite)
            services.AddDbContextPool<BerceauDbContext, SqliteBerceauDbContext>((sp, o) =>
                o.UseSqlite(settings.ConnectionString).AddInterceptors(new SqliteTuning(backgroundCheckpoints), sp.GetRequiredService<OfferChangeInterceptor>(), sp.GetRequiredService<Observatory.IndicatorChangeInterceptor>()));
        else
            services.AddDbContextPool<BerceauDbContext, PostgresBerceauDbContext>((sp, o) =>
                o.UseNpgsql(settings.ConnectionString).AddInterceptors(sp.GetRequiredService<OfferChangeInterceptor>(), sp.GetRequiredService<Observatory.IndicatorChangeInterceptor>()));
        return services;
    }
}
