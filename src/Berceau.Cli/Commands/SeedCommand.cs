using System.CommandLine;
using Berceau.Data;
using Berceau.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Cli.Commands;

/// <summary>`berceau seed --territory 93`: migrates the database and adds the demo territory, as the web app does at first start.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var territory = new Option<string[]>("--territory", "-t")
        {
            Description = "Département(s) à charger : 93, 92 (option répétable)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var provider = new Option<string?>("--provider") { Description = "sqlite (défaut) ou postgres" };
        var connection = new Option<string?>("--connection") { Description = "Chaîne de connexion (défaut : le fichier SQLite de l’application web)" };
        var command = new Command("seed", "Crée ou met à jour la base et charge le territoire de démonstration") { territory, provider, connection };
        command.SetAction(async (parse, ct) =>
        {
            var departements = parse.GetValue(territory) ?? [];
            var unknown = departements.Where(d => d is not ("93" or "92")).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"Territoire inconnu : {string.Join(", ", unknown)}. Territoires disponibles : 93, 92.");
                return 2;
            }
            await using var services = CliServices.Build(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            await db.Database.MigrateAsync(ct);
            var report = await scope.ServiceProvider.GetRequiredService<DemoSeeding>().RunAsync(departements, ct);
            Console.WriteLine(report);
            return 0;
        });
        return command;
    }
}
