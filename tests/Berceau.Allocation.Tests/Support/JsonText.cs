using System.Text;
using System.Text.RegularExpressions;
using Berceau.Allocation;
using Berceau.Allocation.Json;

namespace Berceau.Allocation.Tests.Support;

internal static partial class JsonText
{
    public static string Of(Result result)
    {
        using var stream = new MemoryStream();
        AllocationJson.WriteResult(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The result's JSON with elapsedMs, the only field allowed to vary, blanked.</summary>
    public static string Stable(Result result) => ElapsedMs().Replace(Of(result), "\"elapsedMs\":0");

    public static InstanceReading Read(string json) => AllocationJson.ReadInstance(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    public static string Of(Instance instance)
    {
        using var stream = new MemoryStream();
        AllocationJson.WriteInstance(instance, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex("\"elapsedMs\":[0-9.eE+-]+")]
    private static partial Regex ElapsedMs();
}
