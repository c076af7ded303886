using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Berceau.Allocation.Tests.Support;
using Berceau.Cli;

namespace Berceau.Allocation.Tests.Cli;

/// <summary>`berceau allocate` and `berceau generate-instance`, run in-process as the executable would run them, on temporary files.</summary>
public sealed partial class CliCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("berceau-cli-").FullName;
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private Task<int> Run(params string[] args) =>
        CliProgram.RunAsync(args, new InvocationConfiguration { Error = _error, Output = new StringWriter() });

    private static string Stable(string json) => ElapsedMs().Replace(json, "\"elapsedMs\":0");

    [GeneratedRegex("\"elapsedMs\":[0-9.eE+-]+")]
    private static partial Regex ElapsedMs();

    [Fact]
    public async Task GenerateThenAllocate_WritesTheEngineResult()
    {
        Assert.Equal(0, await Run("generate-instance", "--applications", "500", "--structures", "30", "--wishes", "4", "--seed", "3", "--output", PathOf("i.json")));

        Assert.Equal(0, await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("r.json")));

        var expected = JsonText.Stable(AllocationEngine.Solve(InstanceGenerator.Generate(500, 30, 4, 3)));
        Assert.Equal(expected, Stable(await File.ReadAllTextAsync(PathOf("r.json"))));
        Assert.Equal("", _error.ToString());
        Assert.Equal(["i.json", "r.json"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task GenerateInstance_IsTheSameForTheSameSeed()
    {
        await Run("generate-instance", "-n", "200", "-m", "10", "--seed", "5", "--output", PathOf("a.json"));
        await Run("generate-instance", "-n", "200", "-m", "10", "--seed", "5", "--output", PathOf("b.json"));
        await Run("generate-instance", "-n", "200", "-m", "10", "--seed", "6", "--output", PathOf("c.json"));

        Assert.Equal(await File.ReadAllBytesAsync(PathOf("a.json")), await File.ReadAllBytesAsync(PathOf("b.json")));
        Assert.NotEqual(await File.ReadAllBytesAsync(PathOf("a.json")), await File.ReadAllBytesAsync(PathOf("c.json")));
    }

    [Fact]
    public async Task AnInvalidInstance_Exits2_NamesThePath_AndWritesNothing()
    {
        await File.WriteAllTextAsync(PathOf("i.json"), """
            {"version":1,"seed":1,"sections":[{"id":"a","structure":"S1","capacity":1,"minAgeMonths":0,"maxAgeMonths":9}],
             "applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S1","score":1},{"structure":"S9","score":1}]}]}
            """);
        await File.WriteAllTextAsync(PathOf("r.json"), "previous");

        Assert.Equal(2, await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("r.json")));

        Assert.Contains("applications[0].wishes[1].structure", _error.ToString());
        Assert.Equal("previous", await File.ReadAllTextAsync(PathOf("r.json")));
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }

    [Fact]
    public async Task MalformedJson_Exits2()
    {
        await File.WriteAllTextAsync(PathOf("i.json"), """{"version":1,"sections":[{"id":"a","capacity":"x"}]}""");

        Assert.Equal(2, await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("r.json")));

        Assert.Contains("sections[0].capacity", _error.ToString());
        Assert.False(File.Exists(PathOf("r.json")));
    }

    [Fact]
    public async Task AMissingInputFile_Exits2()
    {
        Assert.Equal(2, await Run("allocate", "--input", PathOf("none.json"), "--output", PathOf("r.json")));
        Assert.Contains("introuvable", _error.ToString());
    }

    [Fact]
    public async Task AnOutputThatCannotBeWritten_Exits1()
    {
        await Run("generate-instance", "-n", "10", "-m", "3", "--output", PathOf("i.json"));

        Assert.Equal(1, await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("no/such/dir/r.json")));
        Assert.Contains("Erreur interne", _error.ToString());
    }

    [Fact]
    public async Task Dash_ReadsStandardInputAndWritesStandardOutput()
    {
        await Run("generate-instance", "-n", "300", "-m", "20", "--seed", "8", "--output", PathOf("i.json"));
        await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("r.json"));
        var berceau = Path.Combine(AppContext.BaseDirectory, "berceau.dll");
        var start = new ProcessStartInfo("dotnet", [berceau, "allocate", "--input", "-", "--output", "-"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(PathOf("i.json")));
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(Stable(await File.ReadAllTextAsync(PathOf("r.json"))), Stable(stdout));
    }
}
