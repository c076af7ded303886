using Berceau.Allocation.Linked;
using Berceau.Allocation.Tests.Support;
using FsCheck.Xunit;

namespace Berceau.Allocation.Tests.Linked;

/// <summary>
/// What the exclusion rounds promise, on thousands of small random instances with linked groups, judged by
/// <see cref="LinkedReference"/> (the choice rule recomputed from scratch) — and what they do not promise, checked to be reported.
/// </summary>
public class LinkedPropertyTests
{
    private static (Instance Instance, Result Result, LinkedReference Reference, Dictionary<string, string> Matching) Solve(int seed, int maxApplications = 9)
    {
        var instance = LinkedInstances.Create(seed, maxApplications);
        var result = AllocationEngine.Solve(instance);
        return (instance, result, new LinkedReference(instance, result), result.Assignments.ToDictionary(a => a.Application, a => a.Section));
    }

    [Property(MaxTest = 2000)]
    public void EveryRandomInstanceHasAGroup(int seed) => Assert.NotEmpty(LinkedInstances.Create(seed).LinkedGroups!);

    [Property(MaxTest = 2000)]
    public void GroupsAreNeverSplit_AndTheLinkedSectionSaysWhereEachOneIs(int seed)
    {
        var (instance, result, _, _) = Solve(seed);

        foreach (var group in instance.LinkedGroups!)
        {
            var structures = group.Applications.Select(a => Make.StructureOf(result, a)).Distinct().ToList();
            Assert.Single(structures);
            var reported = result.Linked!.Groups.Single(g => g.Id == group.Id);
            Assert.Equal(structures[0], reported.Structure);
            Assert.Equal(group.Applications.Order(StringComparer.Ordinal), reported.Applications);
        }
        Assert.Equal(instance.LinkedGroups!.Select(g => g.Id).Order(StringComparer.Ordinal), result.Linked!.Groups.Select(g => g.Id));
    }

    [Property(MaxTest = 2000)]
    public void SectionsHoldExactlyWhatTheirChoiceRuleKeeps_WithinCapacityAndReserves_NoSeatGivenTwice(int seed)
    {
        var (instance, result, reference, _) = Solve(seed);

        Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.Application).Distinct().Count());
        Assert.Equal(instance.Applications.Select(a => a.Id).Order(StringComparer.Ordinal),
            result.Assignments.Select(a => a.Application).Concat(result.Unassigned).Order(StringComparer.Ordinal));
        foreach (var section in instance.Sections)
        {
            var held = result.Assignments.Where(a => a.Section == section.Id).ToDictionary(a => a.Application, a => a.ViaReserve);
            Assert.Equal(reference.Plain.Choose(section, held.Keys).OrderBy(p => p.Key), held.OrderBy(p => p.Key));
            Assert.True(held.Count <= section.Capacity);
            Assert.Equal(held.Count, result.Sections.Single(s => s.Id == section.Id).Filled);
        }
        foreach (var assignment in result.Assignments)
        {
            var application = instance.Applications.Single(a => a.Id == assignment.Application);
            var wish = application.Wishes[assignment.WishRank - 1];
            Assert.Equal(wish.Structure, assignment.Structure);
            Assert.Equal(reference.Plain.SectionOf(application, wish)!.Id, assignment.Section);
        }
        Assert.Equal((instance.Applications.Count, result.Assignments.Count, result.Assignments.Count(a => a.WishRank == 1)),
            (result.Stats.Applications, result.Stats.Assigned, result.Stats.FirstWish));
    }

    [Property(MaxTest = 2000)]
    public void OutsideGroupsNoJustifiedEnvy_AndTheOnlyPossibleFlawIsABlockingGroup_ReportedExactly(int seed)
    {
        var (instance, result, reference, matching) = Solve(seed);

        var why = reference.WhyUnstable(matching);
        Assert.True(why is null || why.Contains(" blocks at ", StringComparison.Ordinal), why);
        foreach (var group in instance.LinkedGroups!)
        {
            Assert.Equal(reference.BlockingAt(group, matching), result.Linked!.Groups.Single(g => g.Id == group.Id).BlockingAt);
        }
    }

    [Property(MaxTest = 400)]
    public void OnTinyInstances_WhenNoGroupBlocks_TheResultIsOneOfTheStableAllocations(int seed)
    {
        var (_, result, reference, matching) = Solve(seed, maxApplications: 6);

        if (result.Linked!.Groups.Any(g => g.BlockingAt.Count > 0)) return;
        Assert.Contains(reference.AllStableMatchings(), stable => stable.OrderBy(p => p.Key).SequenceEqual(matching.OrderBy(p => p.Key)));
    }

    [Property(MaxTest = 1000)]
    public void EveryWishIsExplained_AtItsOwnRank_WithdrawnOnesAsNotTogether(int seed)
    {
        var (instance, result, reference, _) = Solve(seed);

        Assert.Equal(instance.Applications.Select(a => a.Id).Order(StringComparer.Ordinal), result.Explanations.Select(e => e.Application));
        foreach (var explanation in result.Explanations)
        {
            var application = instance.Applications.Single(a => a.Id == explanation.Application);
            Assert.Equal(application.Wishes.Select((w, k) => (k + 1, w.Structure)), explanation.Wishes.Select(l => (l.Rank, l.Structure)));
            var assigned = Make.AssignmentOf(result, application.Id);
            Assert.Equal(assigned?.WishRank, explanation.Wishes.SingleOrDefault(l => l.Outcome == WishOutcome.Assigned).Rank is var r and > 0 ? r : null);
            var group = result.Linked!.Groups.SingleOrDefault(g => g.Applications.Contains(application.Id));
            foreach (var line in explanation.Wishes)
            {
                if (group is null || !group.Excluded.Contains(line.Structure)) Assert.NotEqual(WishOutcome.NotTogether, line.Outcome);
                else if (reference.Plain.SectionOf(application, application.Wishes[line.Rank - 1]) is null) Assert.Equal(WishOutcome.NotEligibleAge, line.Outcome);
                else Assert.Equal(line.Rank > assigned?.WishRank ? WishOutcome.NotNeeded : WishOutcome.NotTogether, line.Outcome);
            }
        }
    }

    [Property(MaxTest = 1000)]
    public void TheResultIsDeterministic_AndIndependentOfTheOrderOfApplicationsGroupsAndMembers(int seed)
    {
        var (instance, result, _, _) = Solve(seed);
        var shuffled = instance with
        {
            Applications = RandomInstances.Shuffled(instance.Applications, seed + 1),
            LinkedGroups = RandomInstances.Shuffled(instance.LinkedGroups!, seed + 3)
                .Select(g => g with { Applications = RandomInstances.Shuffled(g.Applications, seed + 4) }).ToArray(),
        };

        Assert.Equal(JsonText.Stable(result), JsonText.Stable(AllocationEngine.Solve(instance)));
        Assert.Equal(JsonText.Stable(result), JsonText.Stable(AllocationEngine.Solve(shuffled)));
    }

    [Property(MaxTest = 1000)]
    public void TheResultDoesNotDependOnTheOrderOfStructures(int seed)
    {
        var (instance, a, _, _) = Solve(seed);
        var blocks = RandomInstances.Shuffled(instance.Sections.GroupBy(s => s.Structure), seed + 2).SelectMany(g => g).ToArray();

        var b = AllocationEngine.Solve(instance with { Sections = blocks });

        Assert.Equal(a.Assignments, b.Assignments);
        Assert.Equal(a.Unassigned, b.Unassigned);
        Assert.Equal(a.Explanations.Select(e => string.Join(";", e.Wishes)), b.Explanations.Select(e => string.Join(";", e.Wishes)));
        Assert.Equal(a.Sections.OrderBy(s => s.Id, StringComparer.Ordinal), b.Sections.OrderBy(s => s.Id, StringComparer.Ordinal));
        Assert.Equal(a.Linked!.Rounds, b.Linked!.Rounds);
        Assert.Equal(a.Linked.Groups.Select(Text), b.Linked.Groups.Select(Text));

        static string Text(LinkedGroupResult g) =>
            $"{g.Id} {string.Join(",", g.Applications)} {g.Structure} {string.Join(",", g.Excluded)} {string.Join(",", g.BlockingAt)}";
    }

    [Property(MaxTest = 2000)]
    public void TheRoundsEnd_WithinTheirBound_AndChangeNothingWhenGroupsAreAlreadyTogether(int seed)
    {
        var (instance, result, _, _) = Solve(seed);

        var linked = result.Linked!;
        Assert.InRange(linked.Rounds, 1, 1 + 3 * instance.LinkedGroups!.Sum(g => instance.Applications.Single(a => a.Id == g.Applications[0]).Wishes.Count));
        if (linked.Rounds == 1 && linked.Groups.All(g => g.Excluded.Count == 0))
        {
            Assert.Equal(AllocationEngine.Solve(instance with { LinkedGroups = null }).Assignments, result.Assignments);
        }
    }

    [Property(MaxTest = 500)]
    public void InstancesWithoutGroups_GiveTheVersion1ResultByteForByte_ThroughTheJsonReaderToo(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var json = JsonText.Of(instance);
        var withEmpty = json[..^1] + ",\"linkedGroups\":[]}";

        var expected = JsonText.Stable(AllocationEngine.Solve(instance));

        Assert.Equal(expected, JsonText.Stable(AllocationEngine.Solve(JsonText.Read(json).Instance!)));
        Assert.Equal(expected, JsonText.Stable(AllocationEngine.Solve(JsonText.Read(withEmpty).Instance!)));
        Assert.DoesNotContain("linkedGroups", JsonText.Of(JsonText.Read(withEmpty).Instance!));
    }

    [Property(MaxTest = 300)]
    public void AnInstanceWithGroups_SurvivesItsJson(int seed)
    {
        var (instance, result, _, _) = Solve(seed);

        var read = JsonText.Read(JsonText.Of(instance)).Instance!;

        Assert.Equal(JsonText.Stable(result), JsonText.Stable(AllocationEngine.Solve(read)));
    }
}
