using System.CommandLine;
using Berceau.Allocation;
using Berceau.Allocation.Json;

namespace Berceau.Cli.Commands;

/// <summary>
/// `berceau generate-instance --applications 30000 --structures 1000 --wishes 6 --seed 1 --output dep.json`: a realistic synthetic
/// instance (see <see cref="InstanceGenerator"/>), the same for the same arguments. For benchmarks and tests, never for real decisions.
/// </summary>
internal static class GenerateInstanceCommand
{
    public static Command Create()
    {
        var applications = new Option<int>("--applications", "-n") { Description = "Nombre de demandes", Required = true };
        var structures = new Option<int>("--structures", "-m") { Description = "Nombre de structures", Required = true };
        var wishes = new Option<int>("--wishes", "-k") { Description = "Vœux par demande (défaut : 6)", DefaultValueFactory = _ => 6 };
        var seed = new Option<long>("--seed", "-s") { Description = "Graine du tirage (défaut : 1)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Fichier où écrire l’instance JSON, ou - pour la sortie standard (défaut)",
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("generate-instance", "Écrit une instance d’attribution synthétique réaliste (bancs d’essai, tests)")
        {
            applications, structures, wishes, seed, output,
        };
        command.SetAction(parse =>
        {
            var (n, m, k) = (parse.GetValue(applications), parse.GetValue(structures), parse.GetValue(wishes));
            if (n < 0 || m < 1 || k < 1)
            {
                parse.InvocationConfiguration.Error.WriteLine("Il faut --applications ≥ 0, --structures ≥ 1 et --wishes ≥ 1.");
                return 2;
            }
            var instance = InstanceGenerator.Generate(n, m, k, parse.GetValue(seed));
            OutputFile.Write(parse.GetValue(output)!, stream => AllocationJson.WriteInstance(instance, stream));
            return 0;
        });
        return command;
    }
}
