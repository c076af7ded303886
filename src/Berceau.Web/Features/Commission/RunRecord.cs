using System.Reflection;
using System.Text;
using System.Text.Json;
using Berceau.Allocation.Json;
using Berceau.Data.Commission;
using Berceau.Web.Infrastructure;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Features.Commission;

/// <summary>What a replay found: both the instance and the result are written again and compared byte for byte with the stored ones.</summary>
public sealed record ReplayReport(int RunNumber, bool SameInstance, bool SameResult, string StoredHash, string ReplayedHash)
{
    public bool Identical => SameInstance && SameResult && StoredHash == ReplayedHash;
}

/// <summary>
/// The bytes a run stores, written by the engine's own writers (<see cref="AllocationJson"/>), and how they are read back. One
/// place, so that a run and its replay cannot write differently.
/// </summary>
public static class RunRecord
{
    // Reasons stay readable in the stored JSON (« d’urgence », not « d\u2019urgence »): an auditor reads it as it was written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The engine's assembly version, with the commit it was built from when the build knows it.</summary>
    public static string EngineVersion { get; } =
        typeof(Engine.AllocationEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Engine.AllocationEngine).Assembly.GetName().Version?.ToString() ?? "inconnue";

    public static string InstanceJson(Engine.Instance instance) => Utf8Text.Write(stream => AllocationJson.WriteInstance(instance, stream));

    /// <summary>The instance's JSON, compressed ahead as the database stores it (for a row about to be saved).</summary>
    public static string StoredInstanceJson(Engine.Instance instance) => Utf8Text.WriteStored(stream => AllocationJson.WriteInstance(instance, stream));

    /// <summary>The instance's sections, written as the instance is but without its applications (what the pages read of a run).</summary>
    public static string SectionsJson(Engine.Instance instance) => InstanceJson(instance with { Applications = [], LinkedGroups = null });

    /// <summary>The result with its elapsed time set to zero: the only field the contract lets vary between two solves.</summary>
    public static string ResultJson(Engine.Result result) => Utf8Text.Write(stream => WriteResult(result, stream));

    /// <summary>The result's JSON, compressed ahead as the database stores it (for a row about to be saved).</summary>
    public static string StoredResultJson(Engine.Result result) => Utf8Text.WriteStored(stream => WriteResult(result, stream));

    private static void WriteResult(Engine.Result result, Stream stream) =>
        AllocationJson.WriteResult(result with { Stats = result.Stats with { ElapsedMs = 0 } }, stream);

    public static Engine.Instance ReadInstance(string json)
    {
        var reading = AllocationJson.ReadInstance(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return reading.Instance ?? throw new InvalidDataException("Instance enregistrée illisible : " + string.Join(" ; ", reading.Errors));
    }

    public static string OverridesJson(IReadOnlyList<AppliedOverride> overrides) => JsonSerializer.Serialize(overrides, Json);

    public static IReadOnlyList<AppliedOverride> ReadOverrides(string json) =>
        JsonSerializer.Deserialize<List<AppliedOverride>>(json, Json) ?? [];

    /// <summary>
    /// Replays a stored run: the frozen instance transformed again by the run's stored overrides must give the run's instance,
    /// and solving it must give the run's result, byte for byte.
    /// </summary>
    public static ReplayReport Replay(CommissionSnapshot snapshot, CommissionRun run)
    {
        var transformed = OverrideTransform.Apply(ReadInstance(snapshot.InstanceJson), ReadOverrides(run.OverridesJson));
        var instanceJson = transformed.IsSuccess ? InstanceJson(transformed.Value.Instance) : "";
        var stored = run.InstanceOf(snapshot);
        var result = Engine.AllocationEngine.Solve(ReadInstance(stored));
        var resultJson = ResultJson(result);
        return new ReplayReport(run.Number, instanceJson == stored, resultJson == run.ResultJson, run.InstanceHash, result.InstanceHash);
    }
}
