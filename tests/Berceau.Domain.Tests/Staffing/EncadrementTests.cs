using Berceau.Domain.Staffing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Staffing;

/// <summary>
/// The encadrement rule of RULES §8, checked by hand on small cases (each written out in the case's comment), then as properties
/// over thousands of random attendances.
/// </summary>
public class EncadrementTests
{
    private static int Required(EncadrementRule rule, int notWalking, int walking) =>
        Encadrement.Required(rule, new Attendance(notWalking, walking)).Value;

    [Theory]
    // No child, nobody.
    [InlineData(0, 0, 0)]
    // 1 baby: 1/5 → 1.
    [InlineData(1, 0, 1)]
    // 5 babies: 5/5 = 1, but more than 3 children → 2 adults.
    [InlineData(5, 0, 2)]
    // 3 babies: 3/5 → 1, and not more than 3 children.
    [InlineData(3, 0, 1)]
    // 10 babies: 10/5 = 2.
    [InlineData(10, 0, 2)]
    // 11 babies: 11/5 = 2.2 → 3.
    [InlineData(11, 0, 3)]
    // 16 walkers: 16/8 = 2.
    [InlineData(0, 16, 2)]
    // 17 walkers: 17/8 = 2.125 → 3.
    [InlineData(0, 17, 3)]
    // 3 babies and 4 walkers: 0.6 + 0.5 = 1.1 → 2.
    [InlineData(3, 4, 2)]
    // 1 baby and 1 walker: 0.2 + 0.125 → 1 (rounding each group apart would ask 2).
    [InlineData(1, 1, 1)]
    // 10 babies and 24 walkers: 2 + 3 = 5.
    [InlineData(10, 24, 5)]
    // 12 babies and 28 walkers (a 40-place crèche): 2.4 + 3.5 = 5.9 → 6.
    [InlineData(12, 28, 6)]
    // 2 babies and 2 walkers: 0.4 + 0.25 = 0.65 → 1, but 4 children → 2 adults.
    [InlineData(2, 2, 2)]
    public void FiveAndEight_HandCheckedCases(int notWalking, int walking, int expected) =>
        Assert.Equal(expected, Required(EncadrementRule.FiveAndEight, notWalking, walking));

    [Theory]
    [InlineData(0, 0, 0)]
    // 3 children: 3/6 → 1.
    [InlineData(1, 2, 1)]
    // 4 children: 4/6 → 1, but more than 3 → 2.
    [InlineData(4, 0, 2)]
    // 12 children: 2.
    [InlineData(6, 6, 2)]
    // 13 children: 13/6 → 3.
    [InlineData(0, 13, 3)]
    // 40 children: 40/6 = 6.67 → 7 (the 5-and-8 rule gives 6 for 12 babies and 28 walkers).
    [InlineData(12, 28, 7)]
    public void OneForSix_HandCheckedCases(int notWalking, int walking, int expected) =>
        Assert.Equal(expected, Required(EncadrementRule.OneForSix, notWalking, walking));

    [Fact]
    public void NegativeCounts_AreRefused_OnTheirField()
    {
        var outcome = Encadrement.Required(EncadrementRule.FiveAndEight, new Attendance(-1, -2));

        Assert.False(outcome.IsSuccess);
        Assert.Equal(["NotWalking", "Walking"], outcome.Problems.Select(p => p.Field));
        Assert.All(outcome.Problems, p => Assert.Equal("staffing-attendance-negative", p.Code));
    }

    [Fact]
    public void HugeCounts_DoNotOverflow()
    {
        Assert.Equal((int)Math.Ceiling(int.MaxValue / 5.0 + int.MaxValue / 8.0), Required(EncadrementRule.FiveAndEight, int.MaxValue, int.MaxValue));
    }

    private static Arbitrary<(int, int)> Attendances() =>
        Gen.Choose(0, 200).SelectMany(n => Gen.Choose(0, 200), (n, w) => (n, w)).ToArbitrary();

    private static readonly EncadrementRule[] Rules = Enum.GetValues<EncadrementRule>();

    [Property(MaxTest = 2000)]
    public Property OneMoreChild_NeverNeedsFewerProfessionals() =>
        Prop.ForAll(Attendances(), a =>
        {
            var (n, w) = a;
            return Rules.All(r => Required(r, n + 1, w) >= Required(r, n, w) && Required(r, n, w + 1) >= Required(r, n, w));
        });

    [Property(MaxTest = 2000)]
    public Property AWalkerNeverNeedsMoreThanABaby() =>
        Prop.ForAll(Attendances(), a => Required(EncadrementRule.FiveAndEight, a.Item1, a.Item2 + 1) <= Required(EncadrementRule.FiveAndEight, a.Item1 + 1, a.Item2));

    [Property(MaxTest = 2000)]
    public Property FiveAndEight_LiesBetweenAllWalkingAndAllBabies() =>
        Prop.ForAll(Attendances(), a =>
        {
            var (n, w) = a;
            var required = Required(EncadrementRule.FiveAndEight, n, w);
            return required >= Required(EncadrementRule.FiveAndEight, 0, n + w) && required <= Required(EncadrementRule.FiveAndEight, n + w, 0);
        });

    [Property(MaxTest = 2000)]
    public Property TheRequiredStaff_IsTheSmallestThatMeetsTheRatio_AndTheTwoAdults() =>
        Prop.ForAll(Attendances(), a =>
        {
            var (n, w) = a;
            var total = n + w;
            var floor = total > 3 ? 2 : total > 0 ? 1 : 0;
            // k professionals suffice when k/5 covers the babies' share and k/8 the walkers' (k ≥ n/5 + w/8), i.e. 40k ≥ 8n + 5w.
            bool Enough58(int k) => 40L * k >= 8L * n + 5L * w && k >= floor;
            bool Enough6(int k) => 6L * k >= total && k >= floor;
            var r58 = Required(EncadrementRule.FiveAndEight, n, w);
            var r6 = Required(EncadrementRule.OneForSix, n, w);
            return Enough58(r58) && (r58 == 0 || !Enough58(r58 - 1)) && Enough6(r6) && (r6 == 0 || !Enough6(r6 - 1));
        });
}
