using System.CommandLine;
using Berceau.Data;
using Berceau.Data.Retention;
using Berceau.Domain.Applications;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Cli.Commands;

/// <summary>
/// `berceau purge [--dry-run]`: deletes the personal data kept long enough (RULES §7, <see cref="RetentionPolicy"/>).
/// Run it daily from cron or a systemd timer; `--dry-run` prints what would go, deleting nothing.
/// </summary>
internal static class PurgeCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Affiche ce qui serait supprimé, sans rien supprimer" };
        var months = new Option<int>("--applications-months")
        {
            Description = $"Mois de conservation d’une demande caduque ou annulée (défaut {RetentionPolicy.DefaultEndedApplicationMonths}, ou Retention__ApplicationMonths)",
            DefaultValueFactory = _ => EnvironmentInt("Retention__ApplicationMonths", RetentionPolicy.DefaultEndedApplicationMonths),
        };
        var days = new Option<int>("--keys-days")
        {
            Description = $"Jours de conservation des réponses d’API rejouables (défaut {RetentionPolicy.DefaultIdempotencyKeyDays}, ou Retention__IdempotencyKeyDays)",
            DefaultValueFactory = _ => EnvironmentInt("Retention__IdempotencyKeyDays", RetentionPolicy.DefaultIdempotencyKeyDays),
        };
        var messageDays = new Option<int>("--messages-days")
        {
            Description = $"Jours de conservation d’un e-mail envoyé ou abandonné (défaut {RetentionPolicy.DefaultMessageDays}, ou Retention__MessageDays)",
            DefaultValueFactory = _ => EnvironmentInt("Retention__MessageDays", RetentionPolicy.DefaultMessageDays),
        };
        var notificationDays = new Option<int>("--notifications-days")
        {
            Description = $"Jours de conservation d’une notification lue (défaut {RetentionPolicy.DefaultReadNotificationDays}, ou Retention__ReadNotificationDays)",
            DefaultValueFactory = _ => EnvironmentInt("Retention__ReadNotificationDays", RetentionPolicy.DefaultReadNotificationDays),
        };
        var sessionDays = new Option<int>("--sessions-days")
        {
            Description = $"Jours après lesquels on oublie une session FranceConnect ou ProConnect (défaut {RetentionPolicy.DefaultExternalSessionDays}, ou Retention__ExternalSessionDays)",
            DefaultValueFactory = _ => EnvironmentInt("Retention__ExternalSessionDays", RetentionPolicy.DefaultExternalSessionDays),
        };
        var provider = new Option<string?>("--provider") { Description = "sqlite (défaut) ou postgres" };
        var connection = new Option<string?>("--connection") { Description = "Chaîne de connexion (défaut : le fichier SQLite de l’application web)" };
        var command = new Command("purge", "Supprime les données personnelles dont la durée de conservation est passée (RGPD)")
        {
            dryRun, months, days, messageDays, notificationDays, sessionDays, provider, connection,
        };
        command.SetAction(async (parse, ct) =>
        {
            var policy = new RetentionPolicy(parse.GetValue(months), parse.GetValue(days), parse.GetValue(messageDays), parse.GetValue(notificationDays),
                parse.GetValue(sessionDays));
            if (policy.EndedApplicationMonths < 1 || policy.IdempotencyKeyDays < 1 || policy.MessageDays < 1 || policy.ReadNotificationDays < 1
                || policy.ExternalSessionDays < 1)
            {
                await Console.Error.WriteLineAsync("Les durées de conservation doivent être d’au moins 1 (mois pour les demandes, jour pour les réponses d’API, les e-mails, les notifications et les sessions).");
                return 2;
            }
            await using var services = CliServices.Build(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var report = await RetentionPurge.RunAsync(db, policy, now, parse.GetValue(dryRun), ct);
            Console.WriteLine(report.DryRun ? "Simulation (rien n’est supprimé) :" : "Purge effectuée :");
            Console.WriteLine($"- demandes caduques ou annulées depuis plus de {policy.EndedApplicationMonths} mois : {report.Applications}"
                + (report.References.Count > 0 ? $" ({string.Join(", ", report.References.Take(20))}{(report.References.Count > 20 ? ", …" : "")})" : ""));
            Console.WriteLine($"- pièces justificatives de ces demandes : {report.Documents}");
            Console.WriteLine($"- réponses d’API conservées pour les nouvelles tentatives (plus de {policy.IdempotencyKeyDays} jours, ou de ces demandes) : {report.IdempotencyKeys}");
            Console.WriteLine($"- e-mails envoyés ou abandonnés depuis plus de {policy.MessageDays} jours : {report.Messages}");
            Console.WriteLine($"- notifications lues depuis plus de {policy.ReadNotificationDays} jours : {report.Notifications}");
            Console.WriteLine($"- sessions FranceConnect ou ProConnect ouvertes depuis plus de {policy.ExternalSessionDays} jours : {report.ExternalSessions}");
            return 0;
        });
        return command;
    }

    private static int EnvironmentInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
