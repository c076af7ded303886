using Berceau.Domain.Offer;
using Berceau.Domain.Staffing;

namespace Berceau.Domain.Tests.Staffing;

/// <summary>Places gelées: open places on a day, the checks when one is recorded, and its reopening.</summary>
public class PlaceFreezeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Facility Creche()
    {
        var f = new Facility { Name = "Les Lucioles", CommuneCode = "93051", Mode = CareMode.EajeCollectif };
        f.Sections.Add(new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 10 });
        f.Sections.Add(new Section { Name = "Grands", MinAgeMonths = 18, MaxAgeMonths = 36, Places = 20 });
        return f;
    }

    private static PlaceFreeze Record(Facility f, Section s, int places, DateOnly from, DateOnly? to, params PlaceFreeze[] existing) =>
        PlaceFreeze.Record(f, s.Id, places, from, to, "Deux postes d’auxiliaire vacants", existing, Today, Now, "directrice").Value;

    [Fact]
    public void OpenPlaces_AreAgreedLessFrozen_OnlyOnTheDaysOfTheFreeze()
    {
        var f = Creche();
        var babies = f.Sections[0];
        var freeze = Record(f, babies, 4, Today.AddDays(7), Today.AddDays(37));
        PlaceFreeze[] freezes = [freeze];

        Assert.Equal(30, PlaceFreeze.OpenOn(freezes, f, Today));
        Assert.Equal(26, PlaceFreeze.OpenOn(freezes, f, Today.AddDays(7)));
        Assert.Equal(26, PlaceFreeze.OpenOn(freezes, f, Today.AddDays(37)));
        Assert.Equal(30, PlaceFreeze.OpenOn(freezes, f, Today.AddDays(38)));
        Assert.Equal(6, PlaceFreeze.OpenOn(freezes, babies, Today.AddDays(10)));
        Assert.Equal(20, PlaceFreeze.OpenOn(freezes, f.Sections[1], Today.AddDays(10)));
    }

    [Fact]
    public void AnOpenEndedFreeze_CountsUntilItEnds()
    {
        var f = Creche();
        var freeze = Record(f, f.Sections[1], 5, Today, null);

        Assert.Equal(15, PlaceFreeze.OpenOn([freeze], f.Sections[1], Today.AddYears(1)));
        Assert.True(freeze.End(Today.AddDays(30), Today, Now, "directrice").IsSuccess);
        Assert.Equal(Today.AddDays(29), freeze.To);
        Assert.Equal(15, PlaceFreeze.OpenOn([freeze], f.Sections[1], Today.AddDays(29)));
        Assert.Equal(20, PlaceFreeze.OpenOn([freeze], f.Sections[1], Today.AddDays(30)));
    }

    [Fact]
    public void OverlappingFreezes_CannotCloseMoreThanTheSectionHolds_OnAnyDay()
    {
        var f = Creche();
        var babies = f.Sections[0];
        var first = Record(f, babies, 6, Today.AddDays(10), Today.AddDays(20));
        var second = Record(f, babies, 4, Today, Today.AddDays(5));

        // From today to day 30 the worst day (10–20) already has 6 frozen: 4 more fit, 5 do not.
        var tooMany = PlaceFreeze.Record(f, babies.Id, 5, Today, Today.AddDays(30), "Encore un départ", [first, second], Today, Now, "x");
        var fits = PlaceFreeze.Record(f, babies.Id, 4, Today.AddDays(6), Today.AddDays(30), "Encore un départ", [first, second], Today, Now, "x");
        // After the first freeze the section is free again.
        var later = PlaceFreeze.Record(f, babies.Id, 10, Today.AddDays(21), null, "Fermeture de la section", [first, second], Today, Now, "x");

        var problem = Assert.Single(tooMany.Problems);
        Assert.Equal(("freeze-over-capacity", "Places"), (problem.Code, problem.Field));
        Assert.Contains("4 de plus", problem.Message);
        Assert.True(fits.IsSuccess);
        Assert.True(later.IsSuccess);
    }

    [Fact]
    public void BadInput_IsRefused_FieldByField()
    {
        var f = Creche();

        var outcome = PlaceFreeze.Record(f, f.Sections[0].Id, 11, Today.AddDays(-1), Today.AddDays(-2), " ab ", [], Today, Now, "x");
        var unknown = PlaceFreeze.Record(f, Guid.NewGuid(), 1, Today, null, "Motif valable", [], Today, Now, "x");

        Assert.Equal(["Places", "From", "To", "Reason"], outcome.Problems.Select(p => p.Field));
        Assert.Equal("freeze-section", Assert.Single(unknown.Problems).Code);
    }

    [Fact]
    public void AFreeze_CannotBeEndedInThePast_NorAfterItsEnd_NorOnceOver()
    {
        var f = Creche();
        var freeze = Record(f, f.Sections[0], 2, Today, Today.AddDays(10));

        Assert.Equal("freeze-reopen-past", freeze.End(Today.AddDays(-1), Today, Now, "x").Problems[0].Code);
        Assert.Equal("freeze-reopen-after-end", freeze.End(Today.AddDays(12), Today, Now, "x").Problems[0].Code);
        Assert.Equal("freeze-already-over", freeze.End(Today.AddDays(20), Today.AddDays(11), Now, "x").Problems[0].Code);
        Assert.Equal(Today.AddDays(10), freeze.To);
    }

    [Fact]
    public void AFutureFreezeEndedBeforeItsStart_NeverCounts()
    {
        var f = Creche();
        var freeze = Record(f, f.Sections[0], 2, Today.AddDays(10), null);

        Assert.True(freeze.End(Today, Today, Now, "x").IsSuccess);

        Assert.Equal(10, PlaceFreeze.OpenOn([freeze], f.Sections[0], Today.AddDays(15)));
    }
}
