using System.Text.Json.Serialization;

namespace Berceau.Allocation.Json;

/// <summary>Source-generated serialisers: no reflection, and the same bytes for the same values on every run.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultBufferSize = 1 << 20)]
[JsonSerializable(typeof(Section))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(Assignment))]
[JsonSerializable(typeof(SectionResult))]
[JsonSerializable(typeof(Explanation))]
[JsonSerializable(typeof(Stats))]
[JsonSerializable(typeof(Linked.LinkedGroup))]
[JsonSerializable(typeof(List<LinkedGroupDto?>))]
[JsonSerializable(typeof(Linked.LinkedResult))]
internal sealed partial class AllocationJsonContext : JsonSerializerContext;
