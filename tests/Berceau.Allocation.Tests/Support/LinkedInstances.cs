using Berceau.Allocation.Linked;

namespace Berceau.Allocation.Tests.Support;

/// <summary>
/// Random small instances (<see cref="RandomInstances"/>) with one to three linked groups of two or three applications: members
/// wish the structures of the group's first member, in its order, each with a score of its own; ages and categories stay theirs.
/// </summary>
internal static class LinkedInstances
{
    public static Instance Create(int seed, int maxApplications = 9, int maxStructures = 4, int maxWishes = 4)
    {
        var instance = RandomInstances.Create(seed, maxApplications, maxStructures, maxWishes);
        if (instance.Applications.Count == 1)
        {
            // Always at least one group: a lone application gets a twin (tieBreak drawn).
            var first = instance.Applications[0];
            instance = instance with { Applications = [first, first with { Id = "A1", TieBreak = null }] };
        }
        var random = new Random(seed ^ 0x5f3759df);
        var free = RandomInstances.Shuffled(Enumerable.Range(0, instance.Applications.Count), seed);
        var applications = instance.Applications.ToArray();
        var groups = new List<LinkedGroup>();
        for (var g = random.Next(1, 4); g > 0 && free.Count >= 2; g--)
        {
            var size = Math.Min(free.Count, random.Next(3) == 0 ? 3 : 2);
            var members = free.Take(size).ToArray();
            free.RemoveRange(0, size);
            var structures = applications[members[0]].Wishes.Select(w => w.Structure).ToArray();
            foreach (var m in members.Skip(1))
            {
                applications[m] = applications[m] with { Wishes = structures.Select(s => new Wish(s, random.Next(0, 3))).ToArray() };
            }
            groups.Add(new LinkedGroup($"G{g}", members.Select(m => applications[m].Id).ToArray()));
        }
        return instance with { Applications = applications, LinkedGroups = groups };
    }
}
