using Berceau.Web.Features.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The reserved seats of a structure (RULES §5), numbers checked by hand; then a property over random structures.</summary>
public class CommissionReservesTests
{
    private static IReadOnlyList<(string Category, int Seats)[]> Reserves(bool avip, params int[] seats) =>
        [.. CommissionReserves.ForStructure(seats, avip).Select(r => r.Select(x => (x.Category, x.Seats)).ToArray())];

    private const string P = CommissionReserves.PovertyCategory;
    private const string I = CommissionReserves.InsertionCategory;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(19, 1)]
    [InlineData(20, 1)]
    [InlineData(21, 2)]
    [InlineData(40, 2)]
    [InlineData(41, 3)]
    public void Poverty_IsOnePlacePerTrancheOfTwenty_StartedTranchesCount(int seats, int reserved) =>
        Assert.Equal(reserved, CommissionReserves.PovertySeats(seats));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 3)]
    public void Avip_IsTwentyPercentRoundedUp(int seats, int reserved) =>
        Assert.Equal(reserved, CommissionReserves.AvipSeats(seats));

    [Fact]
    public void OneSection_GetsTheWholeQuota_PovertyFirst()
    {
        Assert.Equal([[(P, 1)]], Reserves(avip: false, 3));
        // 10 seats at an AVIP crèche: 1 for poverty (⌈10/20⌉), 2 for insertion (⌈20 % × 10⌉).
        Assert.Equal([[(P, 1), (I, 2)]], Reserves(avip: true, 10));
        // A single seat cannot hold both: the legal minimum keeps it, the AVIP reserve is trimmed.
        Assert.Equal([[(P, 1)]], Reserves(avip: true, 1));
    }

    [Fact]
    public void TheStructureQuota_IsSharedInProportionToTheSeats_ByLargestRemainder()
    {
        // 10 + 5 = 15 seats. Poverty 1: shares 0.67 and 0.33, the larger remainder takes it. Insertion 3: exactly 2 and 1.
        Assert.Equal([[(P, 1), (I, 2)], [(I, 1)]], Reserves(avip: true, 10, 5));
        // 2 + 2 + 2 = 6 seats. Poverty 1: equal remainders, the first section listed (the youngest). Insertion ⌈1.2⌉ = 2: the first two.
        Assert.Equal([[(P, 1), (I, 1)], [(I, 1)], []], Reserves(avip: true, 2, 2, 2));
        // A section without seats gets nothing: 25 seats in the other give ⌈25/20⌉ = 2 and ⌈5⌉ = 5.
        Assert.Equal([[], [(P, 2), (I, 5)]], Reserves(avip: true, 0, 25));
        // 45 seats over 30 + 15: poverty ⌈45/20⌉ = 3 → 2 and 1; not AVIP, no insertion.
        Assert.Equal([[(P, 2)], [(P, 1)]], Reserves(avip: false, 30, 15));
        // Nothing declared, nothing reserved.
        Assert.Equal([[], []], Reserves(avip: true, 0, 0));
    }

    [Fact]
    public void OnRandomStructures_ReservesNeverExceedTheSeats_AndMeetEachQuota()
    {
        var random = new Random(20261123);
        for (var run = 0; run < 5000; run++)
        {
            var seats = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(0, 4) == 0 ? 0 : random.Next(1, 61)).ToArray();
            var avip = random.Next(2) == 0;
            var total = seats.Sum();
            var reserves = CommissionReserves.ForStructure(seats, avip);

            for (var i = 0; i < seats.Length; i++)
            {
                Assert.True(reserves[i].Sum(r => r.Seats) <= seats[i], $"section {i} of [{string.Join(", ", seats)}]");
                Assert.All(reserves[i], r => Assert.True(r.Seats > 0));
            }
            Assert.True(reserves.Sum(r => r.Sum(x => x.Seats)) <= total);
            // The legal minimum is always met in full; the AVIP reserve loses at most, in each section, what poverty holds there.
            var poverty = reserves.Sum(r => r.Where(x => x.Category == P).Sum(x => x.Seats));
            Assert.Equal(CommissionReserves.PovertySeats(total), poverty);
            var insertion = reserves.Sum(r => r.Where(x => x.Category == I).Sum(x => x.Seats));
            if (avip) Assert.InRange(insertion, Math.Max(0, CommissionReserves.AvipSeats(total) - poverty), CommissionReserves.AvipSeats(total));
            else Assert.Equal(0, insertion);

            // And the engine takes them: Σ reserves ≤ capacity is one of its input checks.
            var sections = seats.Select((n, i) => new Engine.Section($"S{i}", "A", n, 0, 36, reserves[i])).ToList();
            Assert.Empty(Engine.AllocationEngine.Validate(new Engine.Instance(1, null, sections, [])));
        }
    }
}
