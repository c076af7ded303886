using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Berceau.Domain.Fees;

// `-- --filter '*Simulator*'` or `'*Allocation*'` picks a class; `--job short` keeps a run within minutes.
// `-- phases [applications] [structures] [runs]` times the steps of one solve instead (AllocationPhases).
if (args is ["phases", ..]) AllocationPhases.Run(args);
else BenchmarkSwitcher.FromAssembly(typeof(SimulatorBenchmarks).Assembly).Run(args);

/// <summary>The cost simulator runs on every structure page once a family has filled it: it must cost next to nothing.</summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private IReadOnlyList<FeeParameter> _all = [];
    private FeeParameterSet _set = null!;
    private readonly SimulationInput _input = new(36000m, 2, false, 40m, 45m);

    [GlobalSetup]
    public void Setup()
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "fee_parameters.csv"));
        _all = FeeParameterCsv.Parse(reader).Value;
        _set = FeeParameterSet.Resolve(_all, new DateOnly(2026, 11, 23)).Value;
    }

    [Benchmark]
    public FeeParameterSet ResolveParameters() => FeeParameterSet.Resolve(_all, new DateOnly(2026, 11, 23)).Value;

    [Benchmark]
    public SimulationResult Simulate() => CostSimulator.Simulate(_input, _set).Value;
}
