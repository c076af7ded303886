using Berceau.Allocation.Tests.Support;
using FsCheck.Xunit;

namespace Berceau.Allocation.Tests;

/// <summary>
/// The contract's promises checked on thousands of small random instances against <see cref="Reference"/>, the contract written
/// plainly: the choice rule recomputed from scratch for every section, never the engine's incremental heaps.
/// </summary>
public class PropertyTests
{
    private static (Instance Instance, Result Result, Reference Reference) Solve(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var result = AllocationEngine.Solve(instance);
        return (instance, result, new Reference(instance, result));
    }

    private static Dictionary<string, string> Matching(Result result) =>
        result.Assignments.ToDictionary(a => a.Application, a => a.Section);

    [Property(MaxTest = 3000)]
    public void NoJustifiedEnvy_NoWaste_NoOverCapacity(int seed)
    {
        var (_, result, reference) = Solve(seed);

        Assert.Null(reference.WhyUnstable(Matching(result)));
    }

    [Property(MaxTest = 2000)]
    public void EachSectionHolds_ExactlyWhatItsChoiceRuleKeeps_WithTheSameReserveSeats(int seed)
    {
        var (_, result, reference) = Solve(seed);

        foreach (var section in reference.Sections)
        {
            var held = result.Assignments.Where(a => a.Section == section.Id).ToDictionary(a => a.Application, a => a.ViaReserve);
            Assert.Equal(reference.Choose(section, held.Keys).OrderBy(p => p.Key), held.OrderBy(p => p.Key));
            Assert.True(held.Count <= section.Capacity);
            foreach (var reserve in section.Reserves.GroupBy(r => r.Category))
            {
                Assert.True(held.Count(h => h.Value == reserve.Key) <= reserve.Sum(r => r.Seats));
            }
            Assert.Equal(held.Count, result.Sections.Single(s => s.Id == section.Id).Filled);
        }
    }

    [Property(MaxTest = 2000)]
    public void EveryApplicationIsPlacedAtMostOnce_OnAWishOfItsOwn_InTheRightSection(int seed)
    {
        var (instance, result, reference) = Solve(seed);

        Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.Application).Distinct().Count());
        Assert.Equal(instance.Applications.Count, result.Assignments.Count + result.Unassigned.Count);
        foreach (var assignment in result.Assignments)
        {
            var application = instance.Applications.Single(a => a.Id == assignment.Application);
            var wish = application.Wishes[assignment.WishRank - 1];
            Assert.Equal(wish.Structure, assignment.Structure);
            Assert.Equal(reference.SectionOf(application, wish)!.Id, assignment.Section);
        }
    }

    [Property(MaxTest = 2000)]
    public void Explanations_CutoffsAndWaitlistPositions_FollowTheirDefinitions(int seed)
    {
        var (instance, result, reference) = Solve(seed);
        var matching = Matching(result);

        foreach (var section in reference.Sections)
        {
            var held = matching.Where(m => m.Value == section.Id).Select(m => m.Key).ToList();
            var cutoff = result.Sections.Single(s => s.Id == section.Id).Cutoff;
            if (held.Count == 0) Assert.Null(cutoff);
            else Assert.Equal(reference.Score(reference.ByPriority(held, section)[^1], section), cutoff!.Score);
        }
        foreach (var application in instance.Applications)
        {
            var lines = result.Explanations.Single(e => e.Application == application.Id).Wishes;
            matching.TryGetValue(application.Id, out var mine);
            var reached = false;
            for (var k = 0; k < application.Wishes.Count; k++)
            {
                var section = reference.SectionOf(application, application.Wishes[k]);
                var line = lines[k];
                Assert.Equal((k + 1, application.Wishes[k].Structure), (line.Rank, line.Structure));
                if (section is null) Assert.Equal(WishOutcome.NotEligibleAge, line.Outcome);
                else if (section.Id == mine) { Assert.Equal(WishOutcome.Assigned, line.Outcome); reached = true; }
                else if (reached) Assert.Equal(WishOutcome.NotNeeded, line.Outcome);
                else
                {
                    Assert.Equal(WishOutcome.Full, line.Outcome);
                    Assert.Equal(application.Wishes[k].Score, line.YourScore);
                    var rejected = RejectedBy(section, instance, reference, matching);
                    Assert.Equal(1 + rejected.Count(other => reference.Compare(other, application.Id, section) > 0), line.WaitlistPosition);
                }
            }
        }
    }

    /// <summary>Who asked this section and ended elsewhere or nowhere: a wish before their final one.</summary>
    private static List<string> RejectedBy(Section section, Instance instance, Reference reference, Dictionary<string, string> matching) =>
        instance.Applications.Where(a =>
        {
            matching.TryGetValue(a.Id, out var mine);
            var final = mine is null ? int.MaxValue : reference.WishRank(a, reference.Sections.Single(s => s.Id == mine));
            var here = a.Wishes.ToList().FindIndex(w => reference.SectionOf(a, w)?.Id == section.Id);
            return here >= 0 && here < final;
        }).Select(a => a.Id).ToList();

    [Property(MaxTest = 1000)]
    public void TheResult_DoesNotDependOnTheOrderOfApplications(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var shuffled = instance with { Applications = RandomInstances.Shuffled(instance.Applications, seed + 1) };

        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(instance)), JsonText.Stable(AllocationEngine.Solve(shuffled)));
    }

    [Property(MaxTest = 1000)]
    public void TheResult_DoesNotDependOnTheOrderOfStructures(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var blocks = RandomInstances.Shuffled(instance.Sections.GroupBy(s => s.Structure), seed + 1).SelectMany(g => g).ToArray();

        var a = AllocationEngine.Solve(instance);
        var b = AllocationEngine.Solve(instance with { Sections = blocks });

        Assert.Equal(a.Assignments, b.Assignments);
        Assert.Equal(a.Unassigned, b.Unassigned);
        Assert.Equal(a.Explanations.Select(e => string.Join(";", e.Wishes)), b.Explanations.Select(e => string.Join(";", e.Wishes)));
        Assert.Equal(a.Sections.OrderBy(s => s.Id, StringComparer.Ordinal), b.Sections.OrderBy(s => s.Id, StringComparer.Ordinal));
    }

    [Property(MaxTest = 600)]
    public void NoApplication_GainsByReorderingItsWishes(int seed)
    {
        var instance = RandomInstances.Create(seed);
        var result = AllocationEngine.Solve(instance);
        var reference = new Reference(instance, result);
        var liar = instance.Applications[Math.Abs(seed % instance.Applications.Count)];
        var truthful = TrueRank(liar, result);

        foreach (var order in Permutations(liar.Wishes.ToArray()))
        {
            var lie = instance with { Applications = instance.Applications.Select(a => a.Id == liar.Id ? a with { Wishes = order } : a).ToArray() };
            Assert.True(TrueRank(liar, AllocationEngine.Solve(lie)) >= truthful, $"{liar.Id} gains with {string.Join(",", order)}");
        }
        _ = reference;
    }

    /// <summary>Rank of the structure obtained in the application's true wishes (int.MaxValue: nothing).</summary>
    private static int TrueRank(Application application, Result result)
    {
        var structure = result.Assignments.SingleOrDefault(a => a.Application == application.Id)?.Structure;
        return structure is null ? int.MaxValue : application.Wishes.ToList().FindIndex(w => w.Structure == structure);
    }

    private static IEnumerable<Wish[]> Permutations(Wish[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }

    [Property(MaxTest = 300)]
    public void TheSameInstance_GivesTheSameBytes(int seed)
    {
        var instance = RandomInstances.Create(seed, maxApplications: 30);

        Assert.Equal(JsonText.Stable(AllocationEngine.Solve(instance)), JsonText.Stable(AllocationEngine.Solve(instance)));
    }

    [Property(MaxTest = 500)]
    public void CategoryMembership_PackedInTheKeyOrNot_GivesTheSameResult(int seed)
    {
        // 40 more reserve categories (in a structure nobody wants) no longer fit in the key: the engine reads them from a table.
        var instance = RandomInstances.Create(seed);
        var unwanted = new Section("ZZ-s", "ZZ", 40, 0, 0, Enumerable.Range(0, 40).Select(c => new Reserve($"unused{c}", 1)).ToArray());

        var packed = AllocationEngine.Solve(instance);
        var table = AllocationEngine.Solve(instance with { Sections = [.. instance.Sections, unwanted] });

        Assert.Equal(packed.Assignments, table.Assignments);
        Assert.Equal(packed.Unassigned, table.Unassigned);
    }
}
