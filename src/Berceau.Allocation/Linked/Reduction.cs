namespace Berceau.Allocation.Linked;

/// <summary>
/// The version-1 instance one run solves: the instance with the lottery drawn, without its groups, and with the withdrawn
/// structures taken out of the members' wishes. A member left without any wish is left out of the run altogether (version 1
/// wants at least one wish), and is unassigned. Priorities do not move: every application carries its tieBreak.
/// </summary>
internal sealed class Reduction
{
    private Reduction(Instance instance, Dictionary<string, int[]> kept, HashSet<string> dropped)
    {
        Instance = instance;
        Kept = kept;
        Dropped = dropped;
    }

    public Instance Instance { get; }

    /// <summary>Members with a withdrawn wish → the original indices (0-based) of the wishes they kept, in order.</summary>
    public Dictionary<string, int[]> Kept { get; }

    /// <summary>Members with every wish withdrawn, left out of the run.</summary>
    public HashSet<string> Dropped { get; }

    public bool IsIdentity => Kept.Count == 0 && Dropped.Count == 0;

    /// <summary>The rank (1-based) in the application's own wishes of the wish of this rank in the run's instance.</summary>
    public int OriginalRank(string application, int rank) => Kept.TryGetValue(application, out var kept) ? kept[rank - 1] + 1 : rank;

    public static Reduction Of(Instance drawn, GroupState[] groups)
    {
        var kept = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        var reduced = new Dictionary<string, Application>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!group.Excluded.Contains(true)) continue;
            var indices = Enumerable.Range(0, group.Structures.Length).Where(x => !group.Excluded[x]).ToArray();
            foreach (var member in group.Members)
            {
                if (indices.Length == 0)
                {
                    dropped.Add(member.Id);
                    continue;
                }
                kept[member.Id] = indices;
                reduced[member.Id] = member with { Wishes = indices.Select(x => member.Wishes[x]).ToArray() };
            }
        }
        var applications = new List<Application>(drawn.Applications.Count);
        foreach (var application in drawn.Applications)
        {
            if (dropped.Contains(application.Id)) continue;
            applications.Add(reduced.TryGetValue(application.Id, out var r) ? r : application);
        }
        var instance = drawn with { Applications = applications, LinkedGroups = null };
        return new Reduction(instance, kept, dropped);
    }
}
