using System.CommandLine;
using System.Text.Json;
using Berceau.Allocation.Tests.Support;
using Berceau.Cli;

namespace Berceau.Allocation.Tests.Linked;

/// <summary>`berceau allocate` on an instance with linked groups: the same engine call, nothing to switch on.</summary>
public sealed class LinkedCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("berceau-linked-").FullName;
    private readonly StringWriter _error = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private Task<int> Run(params string[] args) =>
        CliProgram.RunAsync(args, new InvocationConfiguration { Error = _error, Output = new StringWriter() });

    [Fact]
    public async Task Allocate_WritesTheLinkedSection_AndNotTogetherExplanations()
    {
        await File.WriteAllTextAsync(PathOf("i.json"), JsonText.Of(LinkedHandTests.NoStableAllocation()));

        Assert.Equal(0, await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("r.json")));

        var json = await File.ReadAllTextAsync(PathOf("r.json"));
        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(LinkedHandTests.NoStableAllocation())), Stable(json));
        using var document = JsonDocument.Parse(json);
        var linked = document.RootElement.GetProperty("linked");
        Assert.Equal(7, linked.GetProperty("rounds").GetInt32());
        var p1 = linked.GetProperty("groups")[0];
        Assert.Equal("""{"id":"P1","applications":["P1-bebe","P1-grand"],"structure":null,"excluded":["C"],"blockingAt":[]}""", p1.GetRawText());
        Assert.Contains("\"outcome\":\"not-together\"", json);
        Assert.Equal("", _error.ToString());
    }

    private static string Stable(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"elapsedMs\":[0-9.eE+-]+", "\"elapsedMs\":0");

    [Fact]
    public async Task AnInvalidGroup_Exits2_NamesItsPath_AndWritesNothing()
    {
        await File.WriteAllTextAsync(PathOf("i.json"), """
            {"version":1,"seed":1,"sections":[{"id":"a","structure":"S1","capacity":1,"minAgeMonths":0,"maxAgeMonths":9}],
             "applications":[{"id":"A","ageMonthsAtStart":3,"submitted":"2026-01-01","wishes":[{"structure":"S1","score":1}]}],
             "linkedGroups":[{"id":"G1","applications":["A","Z"]}]}
            """);

        Assert.Equal(2, await Run("allocate", "--input", PathOf("i.json"), "--output", PathOf("r.json")));

        Assert.Contains("linkedGroups[0].applications[1]", _error.ToString());
        Assert.False(File.Exists(PathOf("r.json")));
    }
}
