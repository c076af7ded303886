using System.Diagnostics;

namespace Berceau.Allocation.Linked;

/// <summary>
/// Linked groups by <b>exclusion rounds</b> (docs/allocation-linked.md), built on the version-1 engine alone:
/// <list type="number">
/// <item>the lottery is drawn once, on the whole instance, and kept for every run, so that priorities never change between runs;</item>
/// <item>structures that could not take the whole group even empty (a member too old or too young, too few seats) are withdrawn
/// from the group's wishes before the first run;</item>
/// <item>run the engine; for every group split by the run (members at different structures, or some placed and some not), withdraw
/// from all its members the best-ranked structure holding some of them but not all; run again, until no group is split;</item>
/// <item>then, if a group could be taken whole by a structure withdrawn from it that it prefers to its outcome, give that wish back
/// (one group at a time, each wish at most once) and go on with step 3.</item>
/// </list>
/// Every run withdraws a wish or gives one back for good, so the rounds end. Deterministic: groups in id order, nothing depends on
/// the order of the input.
/// </summary>
internal static class LinkedAllocation
{
    public static Result Solve(Instance instance)
    {
        var clock = Stopwatch.StartNew();
        // The groups are checked first (cheap); the rules of version 1 by the first run, which throws when they are broken.
        if (LinkedValidation.Check(instance).Count > 0) throw new InvalidInstanceException(AllocationEngine.Validate(instance));
        var whole = AllocationEngine.Solve(instance with { LinkedGroups = null });
        var drawn = instance with
        {
            Applications = instance.Applications
                .Select(a => a.TieBreak is null ? a with { TieBreak = whole.TieBreaks[a.Id] } : a)
                .ToArray(),
        };
        var groups = GroupState.Build(drawn);
        var byId = new Lazy<Dictionary<string, Application>>(() => drawn.Applications.ToDictionary(a => a.Id, StringComparer.Ordinal));
        var (final, reduction, rounds) = Run(drawn, groups, whole, byId);
        var structureOf = StructureOfMembers(final, groups);
        var held = new Lazy<Dictionary<string, List<Application>>>(() => HeldBySection(final, byId.Value));
        var blocking = groups.Select(g => BlockingAt(g, structureOf, held).Select(x => g.Structures[x]).ToArray()).ToArray();
        return LinkedResultBuilder.Build(instance, drawn, whole, final, reduction, groups, blocking, rounds, clock);
    }

    private static (Result Final, Reduction Reduction, int Rounds) Run(
        Instance drawn, GroupState[] groups, Result whole, Lazy<Dictionary<string, Application>> byId)
    {
        // Bound: each (group, structure) is withdrawn at most twice and given back at most once.
        var bound = 1 + 3 * groups.Sum(g => g.Structures.Length);
        var reduction = Reduction.Of(drawn, groups);
        // Without any withdrawal, the first run is the whole instance: same applications, same priorities, same result.
        var result = reduction.IsIdentity ? whole : AllocationEngine.Solve(reduction.Instance);
        var rounds = 1;
        while (true)
        {
            var structureOf = StructureOfMembers(result, groups);
            var split = false;
            foreach (var group in groups)
            {
                if (group.Outcome(structureOf) is not null) continue;
                group.Excluded[group.StructureToExclude(structureOf)] = true;
                split = true;
            }
            if (!split && !GiveOneWishBack(groups, structureOf, result, byId)) return (result, reduction, rounds);
            if (++rounds > bound) throw new InvalidOperationException($"Linked groups: more than {bound} rounds.");
            reduction = Reduction.Of(drawn, groups);
            result = AllocationEngine.Solve(reduction.Instance);
        }
    }

    /// <summary>
    /// Among the groups that the allocation would take whole at a structure withdrawn from them, better than their outcome, and
    /// not given back before: the one whose member ranking lowest there ranks highest, at its best such structure.
    /// </summary>
    private static bool GiveOneWishBack(
        GroupState[] groups, Dictionary<string, string> structureOf, Result result, Lazy<Dictionary<string, Application>> byId)
    {
        var held = new Lazy<Dictionary<string, List<Application>>>(() => HeldBySection(result, byId.Value));
        (GroupState Group, int Structure, Priority Weakest)? best = null;
        foreach (var group in groups)
        {
            foreach (var x in BlockingAt(group, structureOf, held))
            {
                if (group.Readmitted[x]) continue;
                var weakest = group.WeakestAt(x);
                if (best is null || weakest.CompareTo(best.Value.Weakest) < 0) best = (group, x, weakest);
                break;
            }
        }
        if (best is not { } pick) return false;
        pick.Group.Excluded[pick.Structure] = false;
        pick.Group.Readmitted[pick.Structure] = true;
        return true;
    }

    /// <summary>
    /// The withdrawn structures, in the group's order, that it prefers to where it is and where every member would be kept now: the
    /// places where the allocation is not stable for this group. Only withdrawn structures can be such: at any other the members
    /// proposed and one at least was turned away, and adding the others cannot change that (the choice rule is substitutable).
    /// </summary>
    private static IEnumerable<int> BlockingAt(
        GroupState group, Dictionary<string, string> structureOf, Lazy<Dictionary<string, List<Application>>> held)
    {
        var outcome = group.Outcome(structureOf) ?? throw new InvalidOperationException($"Group {group.Id} is split.");
        var better = outcome < 0 ? group.Structures.Length : outcome;
        for (var x = 0; x < better; x++)
        {
            if (group.Excluded[x] && group.AllAdmittedAt(x, held.Value)) yield return x;
        }
    }

    /// <summary>Where each placed member is; assignments are sorted by application id, so each is a binary search away.</summary>
    private static Dictionary<string, string> StructureOfMembers(Result result, IEnumerable<GroupState> groups)
    {
        var assignments = result.Assignments;
        var structureOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in groups.SelectMany(g => g.Members))
        {
            int low = 0, high = assignments.Count - 1;
            while (low <= high)
            {
                var middle = low + (high - low) / 2;
                var assignment = assignments[middle];
                var order = string.CompareOrdinal(assignment.Application, member.Id);
                if (order == 0)
                {
                    structureOf[member.Id] = assignment.Structure;
                    break;
                }
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
        }
        return structureOf;
    }

    private static Dictionary<string, List<Application>> HeldBySection(Result result, Dictionary<string, Application> applications)
    {
        var held = new Dictionary<string, List<Application>>(StringComparer.Ordinal);
        foreach (var assignment in result.Assignments)
        {
            if (!held.TryGetValue(assignment.Section, out var list)) held[assignment.Section] = list = [];
            list.Add(applications[assignment.Application]);
        }
        return held;
    }
}
