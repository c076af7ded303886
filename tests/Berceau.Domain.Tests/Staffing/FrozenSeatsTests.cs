using Berceau.Domain.Commission;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Staffing;

/// <summary>A director cannot offer the commission more seats than the section's places open on the day they are free.</summary>
public class FrozenSeatsTests
{
    private static readonly DateOnly Freeze = new(2027, 3, 1);
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SeatsBeyondTheOpenPlaces_AreRefused_WithTheFrozenCount()
    {
        var creche = new Facility { Name = "Les Lucioles", CommuneCode = "93051", Mode = CareMode.EajeCollectif };
        creche.Sections.Add(new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 10 });
        var session = CommissionSession.Create(new("93051", [], "Commission de printemps", Freeze.AddDays(10), Freeze), At, "agent").Value;
        var section = creche.Sections[0].Id;

        var tooMany = session.DeclareSeats(creche, section, 7, Freeze, Freeze.AddDays(-10), At, "directrice", frozenPlaces: 4);
        var open = session.DeclareSeats(creche, section, 6, Freeze, Freeze.AddDays(-10), At, "directrice", frozenPlaces: 4);

        var problem = Assert.Single(tooMany.Problems);
        Assert.Equal(("commission-seats-open-range", "Seats"), (problem.Code, problem.Field));
        Assert.Contains("6 place(s) ouverte(s)", problem.Message);
        Assert.Contains("4 gelée(s)", problem.Message);
        Assert.True(open.IsSuccess);
        Assert.Equal(6, Assert.Single(session.Seats).Seats);
    }
}
