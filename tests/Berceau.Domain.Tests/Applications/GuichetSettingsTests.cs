using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Applications;

public sealed class GuichetSettingsTests
{
    [Fact]
    public void ACommuneThatSetNothing_TakesSixWishes()
    {
        Assert.Equal(6, GuichetSettings.Default("93048").MaxWishes);
    }

    [Fact]
    public void ACommuneThatSetNothing_KeepsAFamilyThatRefusesAnOffer_OnTheWaitingList()
    {
        var settings = GuichetSettings.Default("93048");
        Assert.Equal(DeclinedOfferRule.KeepOnWaitlist, settings.AfterDeclinedOffer);

        Assert.True(settings.ChangeAfterDeclinedOffer(DeclinedOfferRule.EndApplication));
        Assert.False(settings.ChangeAfterDeclinedOffer(DeclinedOfferRule.EndApplication));
        Assert.Equal(DeclinedOfferRule.EndApplication, settings.AfterDeclinedOffer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-3)]
    public void ChangeMaxWishes_OutsideOneToTwenty_IsRefused_AndKeepsTheLimit(int value)
    {
        var settings = GuichetSettings.Default("93048");

        var outcome = settings.ChangeMaxWishes(value);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("guichet-max-wishes-range", "MaxWishes"), (problem.Code, problem.Field));
        Assert.Equal("Indiquez un nombre de vœux entre 1 et 20.", problem.Message);
        Assert.Equal(6, settings.MaxWishes);
    }

    [Fact]
    public void ChangeMaxWishes_SaysWhetherSomethingChanged()
    {
        var settings = GuichetSettings.Default("93048");

        Assert.True(settings.ChangeMaxWishes(3).Value);
        Assert.False(settings.ChangeMaxWishes(3).Value);
        Assert.Equal(3, settings.MaxWishes);
    }

    [Fact]
    public void TheRules_RefuseMoreWishesThanTheCommunesLimit()
    {
        var a = new FacilityId(Guid.NewGuid());
        var b = new FacilityId(Guid.NewGuid());
        var c = new FacilityId(Guid.NewGuid());
        var choices = new WishChoices(new HashSet<FacilityId> { a, b, c }, null, MaxWishes: 2);

        var problems = ApplicationRules.CheckWishes([new WishInput(a), new WishInput(b), new WishInput(c)], choices);

        var problem = Assert.Single(problems);
        Assert.Equal(("application-wishes-too-many", "Wishes"), (problem.Code, problem.Field));
        Assert.Contains("au plus 2 vœux", problem.Message);
        Assert.Empty(ApplicationRules.CheckWishes([new WishInput(a), new WishInput(b)], choices));
    }
}
