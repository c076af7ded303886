using Berceau.Data;
using Berceau.Data.Accounts;
using Berceau.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Berceau.Cli;

/// <summary>
/// The CLI talks to the same database as the web app: same settings (`Database:Provider`, `ConnectionStrings:Berceau`,
/// from environment variables such as `Database__Provider`), and by default the web app's SQLite file.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? provider, string? connection)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        if (provider is not null) configuration["Database:Provider"] = provider;
        if (connection is not null) configuration["ConnectionStrings:Berceau"] = connection;
        var contentRoot = Directory.Exists(Path.Combine("src", "Berceau.Web")) ? Path.Combine("src", "Berceau.Web") : Directory.GetCurrentDirectory();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddBerceauData(DatabaseSettings.From(configuration, contentRoot));
        services.AddIdentityCore<BerceauUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BerceauDbContext>();
        services.AddScoped<DemoSeeding>();
        return services.BuildServiceProvider();
    }
}
