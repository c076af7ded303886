using System.CommandLine;
using Berceau.Cli.Commands;

namespace Berceau.Cli;

public static class CliProgram
{
    public static Task<int> Main(string[] args) => RunAsync(args);

    /// <summary>Runs one command line, as the `berceau` executable would; used by the tests too, which may capture the messages.</summary>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        var root = new RootCommand("berceau — outils en ligne de commande du service public de la petite enfance")
        {
            SeedCommand.Create(),
            AllocateCommand.Create(),
            GenerateInstanceCommand.Create(),
            PurgeCommand.Create(),
            ImportCommand.Create(),
            BenchCommissionDataCommand.Create(),
            BenchFaultsDataCommand.Create(),
        };
        return root.Parse(args).InvokeAsync(configuration);
    }
}
