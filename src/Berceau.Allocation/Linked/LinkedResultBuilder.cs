using System.Diagnostics;

namespace Berceau.Allocation.Linked;

/// <summary>
/// The result of the last run told in the terms of the instance as given: wish ranks in the family's own list, the withdrawn
/// wishes explained (<see cref="WishOutcome.NotTogether"/>), members left out of the run listed as unassigned, the lottery of the
/// whole instance, its hash, and the <c>linked</c> section.
/// </summary>
internal static class LinkedResultBuilder
{
    public static Result Build(
        Instance instance, Instance drawn, Result whole, Result final, Reduction reduction,
        GroupState[] groups, string[][] blocking, int rounds, Stopwatch clock)
    {
        var memberOf = new Dictionary<string, (GroupState Group, int Member)>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            for (var m = 0; m < group.Members.Length; m++) memberOf[group.Members[m].Id] = (group, m);
        }

        var assignments = final.Assignments
            .Select(a => a with { WishRank = reduction.OriginalRank(a.Application, a.WishRank) })
            .ToArray();
        var unassigned = final.Unassigned.Concat(reduction.Dropped).Order(StringComparer.Ordinal).ToArray();
        var placed = new Dictionary<string, Assignment>(StringComparer.Ordinal);
        foreach (var a in assignments)
        {
            if (memberOf.ContainsKey(a.Application)) placed[a.Application] = a;
        }

        var explanations = new List<Explanation>(instance.Applications.Count);
        var ran = 0;
        foreach (var application in drawn.Applications.Select(a => a.Id).Order(StringComparer.Ordinal))
        {
            if (reduction.Dropped.Contains(application))
            {
                explanations.Add(Withdrawn(memberOf[application], obtained: null));
                continue;
            }
            var explanation = final.Explanations[ran++];
            if (explanation.Application != application) throw new InvalidOperationException("Explanations out of step.");
            explanations.Add(memberOf.TryGetValue(application, out var member) && reduction.Kept.ContainsKey(application)
                ? Merged(member, explanation, reduction.Kept[application], placed.TryGetValue(application, out var a) ? a.WishRank : null)
                : explanation);
        }

        var linked = new LinkedResult(rounds, groups.Select((g, i) => new LinkedGroupResult(
            g.Id,
            g.Members.Select(m => m.Id).ToArray(),
            placed.TryGetValue(g.Members[0].Id, out var a) ? a.Structure : null,
            g.Structures.Where((_, x) => g.Excluded[x]).ToArray(),
            blocking[i])).ToArray());
        var stats = new Stats(instance.Applications.Count, assignments.Length, assignments.Count(a => a.WishRank == 1),
            final.Stats.SeatsOffered, final.Stats.SeatsFilled, Math.Round(clock.Elapsed.TotalMilliseconds, 3));
        return new Result(instance.Version, instance.Seed, LinkedHash.Of(whole.InstanceHash, instance.LinkedGroups!),
            assignments, unassigned, final.Sections, explanations, whole.TieBreaks, stats)
        { Linked = linked };
    }

    /// <summary>A member who ran with some wishes withdrawn: the run's lines put back at their ranks, the withdrawn ones explained.</summary>
    private static Explanation Merged((GroupState Group, int Member) member, Explanation ran, int[] kept, int? obtained)
    {
        var lines = Withdrawn(member, obtained).Wishes.ToArray();
        for (var k = 0; k < kept.Length; k++) lines[kept[k]] = ran.Wishes[k] with { Rank = kept[k] + 1 };
        return new Explanation(ran.Application, lines);
    }

    /// <summary>
    /// Every wish explained as withdrawn: <see cref="WishOutcome.NotEligibleAge"/> where this member has no section,
    /// <see cref="WishOutcome.NotNeeded"/> below the wish obtained (a better one was obtained, as in version 1),
    /// <see cref="WishOutcome.NotTogether"/> otherwise.
    /// </summary>
    private static Explanation Withdrawn((GroupState Group, int Member) member, int? obtained)
    {
        var (group, m) = member;
        var lines = new WishExplanation[group.Structures.Length];
        for (var x = 0; x < lines.Length; x++)
        {
            var outcome = group.SectionOf[m][x] is null ? WishOutcome.NotEligibleAge
                : obtained is { } rank && x + 1 > rank ? WishOutcome.NotNeeded
                : WishOutcome.NotTogether;
            lines[x] = new WishExplanation(x + 1, group.Structures[x], outcome);
        }
        return new Explanation(group.Members[m].Id, lines);
    }
}
