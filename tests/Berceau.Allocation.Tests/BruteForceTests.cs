using Berceau.Allocation.Tests.Support;
using FsCheck.Xunit;

namespace Berceau.Allocation.Tests;

/// <summary>On tiny instances, every stable matching is enumerated: ours must be one, and the best of them for every application.</summary>
public class BruteForceTests
{
    [Property(MaxTest = 1500)]
    public void OursIsTheApplicantOptimalStableMatching(int seed)
    {
        var instance = RandomInstances.Create(seed, maxApplications: 5, maxStructures: 3, maxWishes: 3);
        var result = AllocationEngine.Solve(instance);
        var reference = new Reference(instance, result);
        var ours = result.Assignments.ToDictionary(a => a.Application, a => a.Section);

        var stable = reference.AllStableMatchings();

        Assert.Contains(stable, m => m.Count == ours.Count && m.All(p => ours.TryGetValue(p.Key, out var s) && s == p.Value));
        foreach (var application in instance.Applications)
        {
            var mine = Rank(reference, application, ours);
            Assert.All(stable, m => Assert.True(mine <= Rank(reference, application, m), $"{application.Id} does better elsewhere"));
        }
    }

    private static int Rank(Reference reference, Application application, IReadOnlyDictionary<string, string> matching) =>
        matching.TryGetValue(application.Id, out var id) ? reference.WishRank(application, reference.Sections.Single(s => s.Id == id)) : int.MaxValue;
}
