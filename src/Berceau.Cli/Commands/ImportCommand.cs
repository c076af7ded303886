using System.CommandLine;
using Berceau.Data;
using Berceau.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Berceau.Cli.Commands;

/// <summary>
/// `berceau import cnaf|cnaf-france|naissances &lt;fichier&gt;`: imports the observatory's open data (Cnaf coverage file, INSEE births and
/// children under 3). All-or-nothing and idempotent (<see cref="ObservatoryImport"/>); a wrong file prints the line,
/// the column and the reason, and exits with 1 having written nothing.
/// </summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Importe des données ouvertes pour l’observatoire (tout ou rien ; réimporter le même fichier ne change rien)")
    {
        Sub("cnaf", "Fichier Cnaf des places et taux de couverture par commune (format de data/cnaf_taux_couverture_communes_92_93.csv)",
            ObservatoryImport.CnafAsync),
        Sub("cnaf-france", "Fichier Cnaf national (format de data/cnaf_taux_couverture_communes_france.csv), additionné par année : la référence « France » de l’observatoire",
            ObservatoryImport.CnafFranceAsync),
        Sub("naissances", "Fichier INSEE des naissances domiciliées et, s’il les donne, des enfants de moins de 3 ans par commune (format de data/naissances_communes_92_93.csv)",
            ObservatoryImport.InseeAsync),
    };

    private static Command Sub(string name, string description, Func<BerceauDbContext, CsvFile, CancellationToken, Task<ObservatoryImportReport>> import)
    {
        var file = new Argument<FileInfo>("fichier") { Description = "Fichier CSV (UTF-8, virgules, en-tête sur la première ligne)" };
        var provider = new Option<string?>("--provider") { Description = "sqlite (défaut) ou postgres" };
        var connection = new Option<string?>("--connection") { Description = "Chaîne de connexion (défaut : le fichier SQLite de l’application web)" };
        var command = new Command(name, description) { file, provider, connection };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(parse.GetValue(provider), parse.GetValue(connection));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BerceauDbContext>();
            await db.Database.MigrateAsync(ct);
            try
            {
                var report = await import(db, CsvFile.Read(parse.GetValue(file)!.FullName), ct);
                Console.WriteLine(report.ChangedNothing ? report + " Rien n’a changé." : report.ToString());
                return 0;
            }
            catch (ImportException e)
            {
                await Console.Error.WriteLineAsync("Import refusé, rien n’a été enregistré. " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
