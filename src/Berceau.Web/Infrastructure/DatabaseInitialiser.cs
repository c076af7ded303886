using Berceau.Data;
using Berceau.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Infrastructure;

public sealed class SeedOptions
{
    /// <summary>Seed the demo territory when the database is empty at start-up.</summary>
    public bool OnStartup { get; set; } = true;
    public List<string> Territories { get; set; } = ["93"];
}

public static class DatabaseInitialiser
{
    /// <summary>Migrates the database and, when it has no territory yet, seeds the demo territory and demo accounts.</summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Berceau.Database");
        await db.Database.MigrateAsync(ct);
        var seeding = scope.ServiceProvider.GetRequiredService<Berceau.Data.Accounts.DemoSeeding>();
        await seeding.EnsureRolesAsync();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!options.OnStartup || await db.Departements.AnyAsync(ct)) return;

        await seeding.RunAsync(options.Territories, ct);
    }
}
