using Berceau.Allocation;

namespace Berceau.Allocation.Tests.Support;

/// <summary>
/// Small random instances dense in the cases that matter: few seats, many ties on score and date, overlapping age ranges,
/// people in several categories, reserves of the same category twice, zero capacities, tieBreaks given, drawn or mixed.
/// </summary>
internal static class RandomInstances
{
    private static readonly string[] Categories = ["poverty", "insertion", "other"];

    public static Instance Create(int seed, int maxApplications = 9, int maxStructures = 4, int maxWishes = 4)
    {
        var random = new Random(seed);
        var structures = random.Next(1, maxStructures + 1);
        var sections = new List<Section>();
        for (var s = 0; s < structures; s++)
        {
            var name = $"S{s}";
            var count = random.Next(1, 3);
            for (var k = 0; k < count; k++)
            {
                var capacity = random.Next(0, 4);
                var min = random.Next(0, 3) * 6;
                var max = min + random.Next(0, 3) * 6 + 5;
                var reserves = new List<Reserve>();
                var left = capacity;
                for (var r = random.Next(0, 3); r > 0 && left > 0; r--)
                {
                    var seats = random.Next(0, left + 1);
                    left -= seats;
                    reserves.Add(new Reserve(Categories[random.Next(2)], seats));
                }
                sections.Add(new Section($"{name}-{k}", name, capacity, min, max, reserves));
            }
        }
        // Shuffle sections while keeping each structure's order: only the order within a structure means something.
        var blocks = sections.GroupBy(s => s.Structure).OrderBy(_ => random.Next()).SelectMany(g => g).ToList();

        var applications = new List<Application>();
        var tieBreakMode = random.Next(3);  // 0: all given, 1: all drawn, 2: mixed
        var tieBreaks = Enumerable.Range(0, 1000).OrderBy(_ => random.Next()).ToArray();
        var n = random.Next(1, maxApplications + 1);
        for (var a = 0; a < n; a++)
        {
            var wishCount = random.Next(1, Math.Min(maxWishes, structures) + 1);
            var wished = Enumerable.Range(0, structures).OrderBy(_ => random.Next()).Take(wishCount)
                .Select(s => new Wish($"S{s}", random.Next(0, 3))).ToArray();
            var categories = Categories.Where(_ => random.Next(3) == 0).ToArray();
            long? tieBreak = tieBreakMode == 0 || (tieBreakMode == 2 && random.Next(2) == 0) ? tieBreaks[a] : null;
            applications.Add(new Application($"A{a}", random.Next(0, 24), Make.Day.AddDays(random.Next(0, 3)), categories, tieBreak, wished));
        }
        return new Instance(1, random.Next(), blocks, applications);
    }

    public static List<T> Shuffled<T>(IEnumerable<T> items, int seed)
    {
        var random = new Random(seed);
        return items.OrderBy(_ => random.Next()).ToList();
    }
}
