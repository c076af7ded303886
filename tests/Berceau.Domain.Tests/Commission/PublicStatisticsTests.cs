using Berceau.Domain.Commission;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Commission;

public class PublicStatisticsTests
{
    private static CountedApplication Placed(string structure, int rank, int score) => new(structure, rank, score);
    private static CountedApplication Waiting(int score) => new(null, null, score);

    [Fact]
    public void TheFigures_CountApplicationsSeatsPlacesAndFirstWishes()
    {
        var applications = Enumerable.Range(0, 7).Select(k => Placed("Les Lilas", k < 5 ? 1 : 2, 20 + k))
            .Concat(Enumerable.Range(0, 5).Select(k => Waiting(5 + k))).ToList();

        var statistics = PublicStatistics.Of(applications, [new CountedStructure("Les Lilas", 7, 20), new CountedStructure("Arc-en-ciel", 3, null)], overrides: 2);

        Assert.Equal(12, statistics.Applications.Value);
        Assert.Equal(10, statistics.Seats);
        Assert.Equal(7, statistics.Placed.Value);
        Assert.Equal(58.3m, statistics.PlacedPercent);
        Assert.Equal(5, statistics.FirstWish.Value);
        Assert.Equal(41.7m, statistics.FirstWishPercent);
        Assert.Equal(2, statistics.Overrides);
        Assert.Equal(["Arc-en-ciel", "Les Lilas"], statistics.Structures.Select(s => s.Name));
        Assert.Equal(20, statistics.Structures[1].LowestAdmittedScore);
        Assert.Equal(0, statistics.Structures[0].Admitted.Value);  // zero says nothing about anyone: published
    }

    [Fact]
    public void ASmallCell_IsPublishedAsFewerThanFive_AndHidesTheLowestAdmittedScore()
    {
        var applications = new[] { Placed("Petite crèche", 1, 31), Placed("Petite crèche", 2, 40), Waiting(12), Waiting(14), Waiting(17), Waiting(19) };

        var statistics = PublicStatistics.Of(applications, [new CountedStructure("Petite crèche", 2, 31)], overrides: 0);

        var structure = Assert.Single(statistics.Structures);
        Assert.True(structure.Admitted.Suppressed);
        Assert.Equal("moins de 5", structure.Admitted.ToString());
        Assert.Null(structure.LowestAdmittedScore);
        Assert.True(statistics.Placed.Suppressed);
        Assert.Equal(6, statistics.Applications.Value);
    }

    [Fact]
    public void FewerThanFiveApplications_GiveNoPercentage()
    {
        var statistics = PublicStatistics.Of([Placed("A", 1, 10), Waiting(3)], [new CountedStructure("A", 1, 10)], 0);

        Assert.True(statistics.Applications.Suppressed);
        Assert.Null(statistics.PlacedPercent);
        Assert.Null(statistics.FirstWishPercent);
    }

    [Fact]
    public void APercentage_ThatWouldGiveAwayASmallCell_IsNotPublished_NorItsCount()
    {
        // 10 applications, 6 placed: 60 % would say that 4 families have no place; 2 first wishes: 20 % would say 2.
        var applications = Enumerable.Range(0, 6).Select(k => Placed("Les Lilas", k < 2 ? 1 : 2, 20 + k))
            .Concat(Enumerable.Range(0, 4).Select(k => Waiting(5 + k))).ToList();

        var statistics = PublicStatistics.Of(applications, [new CountedStructure("Les Lilas", 6, 20)], 0);

        Assert.Equal(10, statistics.Applications.Value);
        Assert.True(statistics.Placed.Suppressed);
        Assert.Null(statistics.PlacedPercent);
        Assert.True(statistics.FirstWish.Suppressed);
        Assert.Null(statistics.FirstWishPercent);
    }

    [Fact]
    public void Scores_AreCountedInBandsOfTenPoints_EmptyBandsIncluded_NegativeScoresInTheirOwnBand()
    {
        var applications = new[] { -3, 0, 4, 9, 9, 9, 9, 35 }.Select(Waiting).ToList();

        var bands = PublicStatistics.Of(applications, [], 0).Scores;

        Assert.Equal([(-10, -1), (0, 9), (10, 19), (20, 29), (30, 39)], bands.Select(b => (b.From, b.To)));
        Assert.Equal([null, 6, 0, 0, null], bands.Select(b => b.Families.Value));
    }

    [Fact]
    public void ASingleSmallCellOfAPublishedTotal_TakesTheNextSmallestWithIt()
    {
        var applications = new[] { 1, 2, 3 }.Select(Waiting).Concat(Enumerable.Repeat(15, 6).Select(Waiting))
            .Concat(Enumerable.Repeat(25, 8).Select(Waiting)).ToList();

        var bands = PublicStatistics.Of(applications, [], 0).Scores;

        // 3 in the first band alone would be 17 − 6 − 8: the 6 is hidden too, the 8 stays.
        Assert.Equal([null, null, 8], bands.Select(b => b.Families.Value));
    }

    [Fact]
    public void TheReservedSeats_ArePublished_AndTheFamiliesAdmittedOnThem_SuppressedWhenFew()
    {
        // Les Lilas: 7 admitted, 6 of them on a poverty seat; Arc-en-ciel: 5 admitted, all on an insertion seat.
        var applications = Enumerable.Range(0, 7).Select(k => new CountedApplication("Les Lilas", 1, 20 + k, k < 6 ? "poverty" : null))
            .Concat(Enumerable.Range(0, 5).Select(k => new CountedApplication("Arc-en-ciel", 1, 30 + k, "insertion")))
            .Concat(Enumerable.Range(0, 5).Select(k => Waiting(5 + k))).ToList();

        var statistics = PublicStatistics.Of(applications,
            [new CountedStructure("Les Lilas", 7, 20, ReservedSeats: 6), new CountedStructure("Arc-en-ciel", 5, 30, ReservedSeats: 5)], 0,
            [new CountedReserve("poverty", 7), new CountedReserve("insertion", 5)]);

        Assert.Equal(12, statistics.ReservedSeats);
        Assert.Equal([("poverty", 7, (int?)6), ("insertion", 5, 5)], statistics.Reserves.Select(r => (r.Category, r.Seats, r.Filled.Value)));
        Assert.Equal([(5, (int?)5), (6, 6)], statistics.Structures.Select(s => (s.ReservedSeats, s.ViaReserve.Value)));
    }

    [Fact]
    public void OneSmallCountOfFamiliesOnAReserve_HidesTheNextOne_SoThatNoSubtractionFindsIt()
    {
        var applications = Enumerable.Range(0, 6).Select(k => new CountedApplication("Les Lilas", 1, 20 + k, "poverty"))
            .Concat(Enumerable.Range(0, 3).Select(k => new CountedApplication("Arc-en-ciel", 1, 20 + k, "insertion"))).ToList();

        var statistics = PublicStatistics.Of(applications,
            [new CountedStructure("Les Lilas", 6, 20, ReservedSeats: 6), new CountedStructure("Arc-en-ciel", 3, 20, ReservedSeats: 3)], 0,
            [new CountedReserve("poverty", 6), new CountedReserve("insertion", 3)]);

        Assert.All(statistics.Reserves, r => Assert.True(r.Filled.Suppressed));
        Assert.All(statistics.Structures, s => Assert.True(s.ViaReserve.Suppressed));
        // Seats are not families: they stay published.
        Assert.Equal([6, 3], statistics.Reserves.Select(r => r.Seats));
    }

    [Fact]
    public void ASessionWithoutReserves_PublishesNone()
    {
        var statistics = PublicStatistics.Of([Placed("A", 1, 10)], [new CountedStructure("A", 1, 10)], 0);

        Assert.Empty(statistics.Reserves);
        Assert.Equal(0, statistics.ReservedSeats);
        Assert.Equal(0, statistics.Structures[0].ViaReserve.Value);
    }

    [Property(MaxTest = 300)]
    public Property NoPublishedCount_IsBetweenOneAndFour(NonNegativeInt[] scores, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var names = new[] { "A", "B", "C" };
        var applications = scores.Select(s => random.Next(3) == 0 ? Waiting(s.Get % 60)
            : Placed(names[random.Next(3)], 1 + random.Next(3), s.Get % 60)).ToList();
        var statistics = PublicStatistics.Of(applications, names.Select(n => new CountedStructure(n, 4, 1)).ToList(), 0);

        var counts = new[] { statistics.Applications, statistics.Placed }
            .Concat(statistics.Structures.Select(s => s.Admitted)).Concat(statistics.Scores.Select(b => b.Families));
        // Where a total is published, its suppressed cells are never alone (one alone would be the total minus the others).
        var neverAlone = statistics.Scores.Count(b => b.Families.Suppressed) != 1
            && statistics.Structures.Count(s => s.Admitted.Suppressed) != 1 || statistics.Applications.Suppressed || statistics.Placed.Suppressed;
        // A percentage never gives away a count that is not published, nor the small remainder of one that is.
        var percentsSafe = (statistics.PlacedPercent is null || statistics.Placed.Value is not null)
            && (statistics.FirstWishPercent is null || statistics.FirstWish.Value is not null)
            && (statistics.Placed.Value is null || statistics.Applications.Value is null
                || !PublicStatistics.Publish(applications.Count - statistics.Placed.Value.Value).Suppressed);
        return (counts.Append(statistics.FirstWish).All(c => c.Value is null or 0 or >= PublicStatistics.SmallCell) && neverAlone && percentsSafe).ToProperty();
    }
}
