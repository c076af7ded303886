using System.Text.Json;
using Berceau.Allocation.Linked;

namespace Berceau.Allocation.Json;

/// <summary>
/// The JSON of the "linked groups" extension: the optional <c>linkedGroups</c> array of an instance, and the <c>linked</c>
/// section of a result. Kept apart from the version-1 reader and writer, which only call in here.
/// </summary>
internal static class LinkedGroupsJson
{
    /// <summary>Null when the instance has no <c>linkedGroups</c>; a group missing its id or applications is reported with its path.</summary>
    public static LinkedGroup[]? ToGroups(List<LinkedGroupDto?>? dtos, ErrorList errors)
    {
        if (dtos is null) return null;
        var groups = new LinkedGroup[dtos.Count];
        for (var g = 0; g < dtos.Count; g++)
        {
            var dto = dtos[g];
            if (dto is null)
            {
                errors.Add(Order(g, 0), InstanceErrors.Missing($"linkedGroups[{g}]"));
                continue;
            }
            if (dto.Id is null) errors.Add(Order(g, 1), InstanceErrors.Missing($"linkedGroups[{g}].id"));
            if (dto.Applications is null) errors.Add(Order(g, 2), InstanceErrors.Missing($"linkedGroups[{g}].applications"));
            for (var k = 0; k < (dto.Applications?.Count ?? 0); k++)
            {
                if (dto.Applications![k] is null) errors.Add(Order(g, 3 + k), InstanceErrors.Missing($"linkedGroups[{g}].applications[{k}]"));
            }
            groups[g] = new LinkedGroup(dto.Id!, (dto.Applications?.ToArray() ?? [])!);
        }
        return groups;
    }

    /// <summary>After the applications in document order (<see cref="ErrorList"/> keeps sections at 1, applications at 2).</summary>
    private static long Order(int group, int field) => (3L << 56) | ((long)group << 20) | (long)Math.Min(field, (1 << 20) - 1);

    public static void Write(Utf8JsonWriter writer, LinkedResult linked)
    {
        writer.WritePropertyName("linked");
        JsonSerializer.Serialize(writer, linked, AllocationJsonContext.Default.LinkedResult);
    }
}

internal sealed class LinkedGroupDto
{
    public string? Id { get; set; }
    public List<string?>? Applications { get; set; }
}
