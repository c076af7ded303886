using System.CommandLine;
using Berceau.Allocation;
using Berceau.Allocation.Json;

namespace Berceau.Cli.Commands;

/// <summary>
/// `berceau allocate --input instance.json --output result.json` ('-' = standard input / output): the allocation engine on a file.
/// Exit 0 when solved, 2 when the instance is invalid (each error named by its JSON path, nothing written), 1 on an internal error.
/// </summary>
internal static class AllocateCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input", "-i") { Description = "Instance JSON à résoudre, ou - pour l’entrée standard", Required = true };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Fichier où écrire le résultat JSON, ou - pour la sortie standard (défaut)",
            DefaultValueFactory = _ => "-",
        };
        var timings = new Option<bool>("--timings") { Description = "Affiche sur la sortie d’erreur la durée de la lecture, du calcul et de l’écriture" };
        var command = new Command("allocate", "Attribue les places d’une instance (acceptation différée, réserves d’abord)") { input, output, timings };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(timings), parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string input, string output, bool timings, TextWriter error)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        // The processor time as well: on a shared machine it is the figure that others' load disturbs least.
        void Lap(string step)
        {
            process.Refresh();
            if (timings)
            {
                error.WriteLine($"{step} : {clock.ElapsedMilliseconds} ms ({(process.TotalProcessorTime - cpu).TotalMilliseconds:0} ms de processeur ; "
                    + $"depuis le début, {GC.CollectionCount(0)} ramasse-miettes dont {GC.CollectionCount(2)} complets, {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms de pause)");
            }
            cpu = process.TotalProcessorTime;
            clock.Restart();
        }
        try
        {
            if (input != "-" && !File.Exists(input))
            {
                error.WriteLine($"Fichier introuvable : {input}");
                return 2;
            }
            InstanceReading reading;
            using (var stream = input == "-" ? Console.OpenStandardInput() : new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
            {
                reading = AllocationJson.ReadInstance(stream);
            }
            Lap("lecture");
            if (reading.Instance is null) return Invalid(reading.Errors, error);
            Result result;
            try
            {
                result = AllocationEngine.Solve(reading.Instance);
            }
            catch (InvalidInstanceException e)
            {
                return Invalid(e.Errors, error);
            }
            Lap("calcul");
            OutputFile.Write(output, stream => AllocationJson.WriteResult(result, stream));
            Lap("écriture");
            return 0;
        }
        catch (Exception e)
        {
            error.WriteLine($"Erreur interne : {e}");
            return 1;
        }
    }

    private static int Invalid(IReadOnlyList<InstanceError> errors, TextWriter error)
    {
        error.WriteLine($"Instance invalide, rien n’a été écrit. Première erreur : {errors[0].Path}");
        foreach (var e in errors) error.WriteLine($"  {e.Path} : {e.Message}");
        return 2;
    }
}

/// <summary>Writes to standard output, or to a file through a temporary file moved in place: never a half-written result.</summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write)
    {
        if (path == "-")
        {
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 20);
            write(stdout);
            return;
        }
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(file);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
