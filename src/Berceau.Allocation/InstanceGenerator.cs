namespace Berceau.Allocation;

/// <summary>
/// Realistic synthetic instances for benchmarks and tests, the same for the same arguments (driven by <see cref="Prng"/> only).
/// - structures on a line (think of a map folded into one dimension) with a Zipf-like popularity: the k-th most wanted weighs 1/k^0.8;
/// - 55 % with three sections bébés (2–17 months) / moyens (18–29) / grands (30–47), 25 % with two (bébés / moyens-grands),
///   20 % micro-crèches with one multi-age section; capacities typical of each;
/// - reserves per RULES §5: one poverty seat per 20 places (at least one per section), and in 30 % of structures (AVIP-like)
///   a fifth of the places for parents in insertion, poverty listed first;
/// - applications: ages at start skewed to the young, submitted over ten months, 5 % poverty and 10 % insertion categories,
///   tieBreaks left to the seed; wishes around a home structure (neighbours) or anywhere by popularity;
/// - scores from a points grid (work, single parent, quotient familial band, disability, seniority) plus structure bonuses (home
///   sector on the nearest wishes, sibling already there on the first), so with many ties.
/// </summary>
public static class InstanceGenerator
{
    public static readonly DateOnly FirstSubmission = new(2025, 9, 1);

    public static Instance Generate(int applications, int structures, int wishes, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(applications);
        ArgumentOutOfRangeException.ThrowIfLessThan(structures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(wishes, 1);
        var rng = new Prng(seed);
        var structureIds = new string[structures];
        var width = structures.ToString().Length;
        for (var s = 0; s < structures; s++) structureIds[s] = "S" + (s + 1).ToString().PadLeft(width, '0');
        var sections = new List<Section>(structures * 3);
        for (var s = 0; s < structures; s++) AddSections(sections, structureIds[s], ref rng);

        var cumulative = Popularity(structures, ref rng);
        var appWidth = Math.Max(1, applications.ToString().Length);
        // Built as columns, as the JSON reader gives them: what the engine reads at national scale.
        var table = new ApplicationTableBuilder(applications, applications * Math.Min(wishes, structures));
        foreach (var id in structureIds) table.NameIndex(id);  // so that a structure's name is numbered as the structure
        var povertyCategory = table.CategoryIndex("poverty");
        var insertionCategory = table.CategoryIndex("insertion");
        var chosen = new int[Math.Min(wishes, structures)];
        for (var a = 0; a < applications; a++)
        {
            var age = AgeAtStart(ref rng);
            var submitted = FirstSubmission.AddDays((int)rng.NextBelow(300));
            var poverty = rng.NextDouble() < 0.05;
            var insertion = rng.NextDouble() < 0.10;
            if (insertion) table.AddCategory(insertionCategory);
            if (poverty) table.AddCategory(povertyCategory);
            var basePoints = BasePoints(ref rng, poverty, insertion, submitted);
            var home = Pick(cumulative, ref rng);
            var count = chosen.Length;
            chosen[0] = home;
            for (var k = 1; k < count; k++)
            {
                int candidate;
                do
                {
                    candidate = rng.NextDouble() < 0.7
                        ? (int)(((home + (long)rng.NextBelow(61) - 30) % structures + structures) % structures)
                        : Pick(cumulative, ref rng);
                } while (Array.IndexOf(chosen, candidate, 0, k) >= 0);
                chosen[k] = candidate;
            }
            var sibling = rng.NextDouble() < 0.05;
            for (var k = 0; k < count; k++)
            {
                var distance = Math.Abs(chosen[k] - home);
                var bonus = (distance <= 10 ? 5 : 0) + (k == 0 && sibling ? 20 : 0);
                table.AddWish(chosen[k], basePoints + bonus);
            }
            table.EndRow("A" + (a + 1).ToString().PadLeft(appWidth, '0'), age, submitted.DayNumber, null);
        }
        return new Instance(Instance.CurrentVersion, seed, sections, table.Build());
    }

    private static void AddSections(List<Section> sections, string structure, ref Prng rng)
    {
        var kind = rng.NextDouble();
        var avip = rng.NextDouble() < 0.3;
        if (kind < 0.55)
        {
            sections.Add(Make(structure + "-bebes", structure, 8 + (int)rng.NextBelow(8), 2, 17, avip));
            sections.Add(Make(structure + "-moyens", structure, 12 + (int)rng.NextBelow(9), 18, 29, avip));
            sections.Add(Make(structure + "-grands", structure, 15 + (int)rng.NextBelow(11), 30, 47, avip));
        }
        else if (kind < 0.80)
        {
            sections.Add(Make(structure + "-bebes", structure, 8 + (int)rng.NextBelow(8), 2, 17, avip));
            sections.Add(Make(structure + "-moyens-grands", structure, 15 + (int)rng.NextBelow(16), 18, 47, avip));
        }
        else
        {
            sections.Add(Make(structure + "-multi-age", structure, 10 + (int)rng.NextBelow(3), 2, 47, avip));
        }
    }

    private static Section Make(string id, string structure, int capacity, int minAge, int maxAge, bool avip)
    {
        var poverty = Math.Max(1, (capacity + 19) / 20);
        Reserve[] reserves = avip ? [new("poverty", poverty), new("insertion", capacity / 5)] : [new("poverty", poverty)];
        return new Section(id, structure, capacity, minAge, maxAge, reserves);
    }

    private static double[] Popularity(int structures, ref Prng rng)
    {
        // Shuffle the popularity ranks over the line so that popular structures are spread out.
        var rank = new int[structures];
        for (var s = 0; s < structures; s++) rank[s] = s + 1;
        for (var s = structures - 1; s > 0; s--)
        {
            var j = (int)rng.NextBelow((ulong)s + 1);
            (rank[s], rank[j]) = (rank[j], rank[s]);
        }
        var cumulative = new double[structures];
        var total = 0.0;
        for (var s = 0; s < structures; s++) cumulative[s] = total += 1.0 / Math.Pow(rank[s], 0.8);
        for (var s = 0; s < structures; s++) cumulative[s] /= total;
        return cumulative;
    }

    private static int Pick(double[] cumulative, ref Prng rng)
    {
        var i = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static int AgeAtStart(ref Prng rng)
    {
        var u = rng.NextDouble();
        return u < 0.5 ? 2 + (int)rng.NextBelow(11) : u < 0.8 ? 13 + (int)rng.NextBelow(12) : 25 + (int)rng.NextBelow(12);
    }

    private static int BasePoints(ref Prng rng, bool poverty, bool insertion, DateOnly submitted)
    {
        var points = 0;
        if (rng.NextDouble() < 0.6) points += 10;            // both parents working or in training
        if (rng.NextDouble() < 0.15) points += 8;            // single parent
        points += 2 * (int)rng.NextBelow(4);                 // quotient familial band
        if (rng.NextDouble() < 0.02) points += 15;           // disability of child or parent
        if (poverty) points += 6;
        if (insertion) points += 4;
        points += (300 - (submitted.DayNumber - FirstSubmission.DayNumber)) / 100;  // seniority, one point per 100 days
        return points;
    }
}
