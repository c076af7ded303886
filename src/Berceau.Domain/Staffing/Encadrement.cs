using Berceau.Domain.Common;

namespace Berceau.Domain.Staffing;

/// <summary>
/// The encadrement rule a gestionnaire chooses for a structure (RULES §8, décret 2021-1131, R2324-46-2 CSP): one of two ratios,
/// for the whole structure.
/// </summary>
public enum EncadrementRule
{
    /// <summary>1 professional for 5 children who do not walk and 1 for 8 who walk.</summary>
    FiveAndEight,
    /// <summary>1 professional for 6 children, whatever their age.</summary>
    OneForSix,
}

/// <summary>The children present at a moment, split as the 1-for-5 / 1-for-8 rule needs.</summary>
public readonly record struct Attendance(int NotWalking, int Walking)
{
    public int Total => NotWalking + Walking;
}

/// <summary>
/// How many professionals must be with the children for a given attendance. Computed, never typed (issue 10). Pure: the
/// staffing page, the tests and any indicator call the same function.
/// </summary>
public static class Encadrement
{
    /// <summary>More than this many children present needs at least <see cref="MinimumAdultsAboveThreshold"/> adults (RULES §8).</summary>
    public const int ChildrenAloneThreshold = 3;
    public const int MinimumAdultsAboveThreshold = 2;

    /// <summary>
    /// Professionals required for <paramref name="attendance"/> under <paramref name="rule"/>.
    /// With the 1-for-5 / 1-for-8 rule a mixed group counts each child for its share of a professional (1/5 or 1/8), summed and
    /// rounded up: 3 babies and 4 walkers need ⌈3/5 + 4/8⌉ = ⌈1.1⌉ = 2 — the usual reading of the decree, which does not round
    /// each group on its own (that would ask 1 + 1 = 2 here, but 1 + 1 = 2 also for 1 baby and 1 walker, where 1 suffices).
    /// Then: nobody for no child, and at least 2 adults as soon as more than 3 children are present.
    /// Micro-crèches have their own rules (RULES §8 « check ») and are not modelled: the page says so.
    /// </summary>
    public static Outcome<int> Required(EncadrementRule rule, Attendance attendance)
    {
        var problems = new List<Problem>();
        if (attendance.NotWalking < 0) problems.Add(Problem.Of("staffing-attendance-negative", nameof(Attendance.NotWalking)));
        if (attendance.Walking < 0) problems.Add(Problem.Of("staffing-attendance-negative", nameof(Attendance.Walking)));
        if (problems.Count > 0) return Outcome<int>.Failure(problems);

        // In long integers: (8 × n + 5 × w) / 40 is the exact sum n/5 + w/8, rounded up without floating point.
        long byRatio = rule switch
        {
            EncadrementRule.FiveAndEight => CeilDiv(8L * attendance.NotWalking + 5L * attendance.Walking, 40),
            _ => CeilDiv((long)attendance.NotWalking + attendance.Walking, 6),
        };
        var total = (long)attendance.NotWalking + attendance.Walking;
        if (total > ChildrenAloneThreshold) byRatio = Math.Max(byRatio, MinimumAdultsAboveThreshold);
        return (int)Math.Min(byRatio, int.MaxValue);
    }

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    public static string Label(this EncadrementRule rule) => rule switch
    {
        EncadrementRule.FiveAndEight => "1 professionnel pour 5 enfants qui ne marchent pas et 1 pour 8 enfants qui marchent",
        _ => "1 professionnel pour 6 enfants, quel que soit leur âge",
    };

    public static string Code(this EncadrementRule rule) => rule switch
    {
        EncadrementRule.FiveAndEight => "5_ET_8",
        _ => "1_POUR_6",
    };
}
