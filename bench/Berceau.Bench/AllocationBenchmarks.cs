using BenchmarkDotNet.Attributes;
using Berceau.Allocation;

/// <summary>
/// The allocation engine on generated instances (<see cref="InstanceGenerator"/>, seed 1, 6 wishes each): a département (30,000
/// applications over 1,000 structures) and the scaling series 10k / 100k / 1M applications over 20,000 structures (the national one).
/// `Solve` is what the library returns (explanations are read lazily); `SolveAndReadExplanations` also builds every explanation once,
/// as the JSON writer does.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private Instance _instance = null!;

    [Params("departement-30k", "10k", "100k", "1M")]
    public string Size { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (applications, structures) = Size switch
        {
            "departement-30k" => (30_000, 1_000),
            "10k" => (10_000, 20_000),
            "100k" => (100_000, 20_000),
            "1M" => (1_000_000, 20_000),
            _ => throw new ArgumentOutOfRangeException(nameof(Size), Size, null),
        };
        _instance = InstanceGenerator.Generate(applications, structures, 6, 1);
    }

    [Benchmark]
    public Result Solve() => AllocationEngine.Solve(_instance);

    [Benchmark]
    public int SolveAndReadExplanations()
    {
        var result = AllocationEngine.Solve(_instance);
        var lines = 0;
        foreach (var explanation in result.Explanations) lines += explanation.Wishes.Count;
        return lines;
    }
}
