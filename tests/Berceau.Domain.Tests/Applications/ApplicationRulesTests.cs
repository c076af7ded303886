using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Applications;

public class ApplicationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly FacilityId CrecheA = FacilityId.New();
    private static readonly FacilityId CrecheB = FacilityId.New();
    private static readonly FacilityId CrecheElsewhere = FacilityId.New();
    private static readonly WishChoices Choices = new(new HashSet<FacilityId> { CrecheA, CrecheB }, FamilySector: Guid.NewGuid());

    private static ApplicationRequest Valid() => new()
    {
        Child = new ChildInput("Inès", "Benali", new DateOnly(2026, 6, 2), null),
        Guardians = [new GuardianInput("Sarah", "Benali", GuardianSituation.Employed), new GuardianInput("Karim", "Benali", GuardianSituation.JobSeeker)],
        ChildrenInHousehold = 2,
        AnnualResources = 36_000m,
        CafNumber = "1234567",
        DesiredStart = new DateOnly(2027, 9, 1),
        Days = WeekDays.Weekdays,
        From = new TimeOnly(8, 30),
        To = new TimeOnly(17, 30),
        Wishes = [new WishInput(CrecheA), new WishInput(CrecheB), new WishInput(null)],
    };

    private static IEnumerable<(string Field, string Code)> Problems(ApplicationRequest request, WishChoices? choices = null) =>
        ApplicationRules.Check(request, choices ?? Choices, Today).Select(p => (p.Field, p.Code));

    [Fact]
    public void Check_OfACompleteApplication_FindsNothing() => Assert.Empty(Problems(Valid()));

    [Fact]
    public void Check_OfAnEmptyForm_NamesEveryMissingField()
    {
        var problems = Problems(new ApplicationRequest { Child = new ChildInput(null, null, null, null) }).ToList();

        Assert.Contains(("Child.LastName", "application-last-name-missing"), problems);
        Assert.Contains(("Child.BirthDate", "application-birth-missing"), problems);
        Assert.Contains(("Guardians", "application-guardians-count"), problems);
        Assert.Contains(("DesiredStart", "application-start-missing"), problems);
        Assert.Contains(("Days", "application-days-missing"), problems);
        Assert.Contains(("From", "application-hours-missing"), problems);
        Assert.Contains(("Wishes", "application-wishes-missing"), problems);
    }

    [Fact]
    public void Check_PreRegistration_OpensFourMonthsBeforeTheExpectedBirth()
    {
        var inTime = Valid() with { Child = new ChildInput(null, "Benali", null, Today.AddMonths(4)), DesiredStart = Today.AddMonths(8) };
        var tooEarly = inTime with { Child = new ChildInput(null, "Benali", null, Today.AddMonths(4).AddDays(1)) };

        Assert.Empty(Problems(inTime));
        var problem = Assert.Single(ApplicationRules.Check(tooEarly, Choices, Today));
        Assert.Equal("application-expected-too-early", problem.Code);
        Assert.Contains("24/11/2026", problem.Message);
    }

    [Fact]
    public void Check_BirthDateInTheFuture_AsksForTheExpectedDateInstead() =>
        Assert.Contains(("Child.BirthDate", "application-birth-future"),
            Problems(Valid() with { Child = new ChildInput("Inès", "Benali", Today.AddDays(1), null) }));

    [Fact]
    public void Check_BothDates_IsRefused() =>
        Assert.Contains(("Child.ExpectedBirthDate", "application-birth-both"),
            Problems(Valid() with { Child = new ChildInput("Inès", "Benali", new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 2)) }));

    [Theory]
    [InlineData("2026-08-10", "application-start-too-young")]  // 69 days old
    [InlineData("2029-06-02", "application-start-too-old")]    // 3 years to the day
    [InlineData("2026-11-22", "application-start-past")]
    public void Check_DesiredStart_FitsTheChildsAgeAndIsNotPast(string start, string code) =>
        Assert.Contains(code, Problems(Valid() with { DesiredStart = DateOnly.Parse(start) }).Select(p => p.Code));

    [Fact]
    public void Check_StartAtTenWeeks_IsAccepted() =>
        Assert.Empty(Problems(Valid() with { Child = new ChildInput("Inès", "Benali", Today.AddDays(-70), null), DesiredStart = Today }));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Robert'); DROP TABLE")]
    [InlineData("J0hn")]
    [InlineData("-Marie")]
    public void Check_NamesWithCodeOrDigits_AreRefused(string name) =>
        Assert.Contains(("Guardians[0].FirstName", "application-name-characters"),
            Problems(Valid() with { Guardians = [new GuardianInput(name, "Benali", GuardianSituation.Employed)] }));

    [Theory]
    [InlineData("Zoë")]
    [InlineData("Jean-Étienne")]
    [InlineData("N’Diaye")]
    [InlineData("O'Brien")]
    [InlineData("Nguyễn Thị")]
    [InlineData("محمد")]
    public void Check_RealNames_AreAccepted(string name) =>
        Assert.Empty(Problems(Valid() with { Guardians = [new GuardianInput(name, name, GuardianSituation.Other)] }));

    [Fact]
    public void Check_Wishes_OutsideTheCommune_DuplicatedOrTooMany_AreNamedByRank()
    {
        var request = Valid() with
        {
            Wishes = [new WishInput(CrecheA), new WishInput(CrecheElsewhere), new WishInput(CrecheA), new WishInput(null), new WishInput(null)],
        };

        var problems = Problems(request, Choices with { MaxWishes = 4 }).ToList();

        Assert.Contains(("Wishes", "application-wishes-too-many"), problems);
        Assert.Contains(("Wishes[1]", "application-wish-outside"), problems);
        Assert.Contains(("Wishes[2]", "application-wish-duplicate"), problems);
        Assert.Contains(("Wishes[4]", "application-wish-duplicate"), problems);
        Assert.DoesNotContain(problems, p => p.Field is "Wishes[0]" or "Wishes[3]");
    }

    [Fact]
    public void Check_AnyCrecheOfMySector_NeedsAnAddressInASector() =>
        Assert.Contains(("Wishes[2]", "application-wish-no-sector"), Problems(Valid(), Choices with { FamilySector = null }));

    [Theory]
    [InlineData(-1, "AnnualResources")]
    [InlineData(10_000_001, "AnnualResources")]
    public void Check_Resources_OutOfRange_AreRefused(int resources, string field) =>
        Assert.Contains((field, "application-resources-range"), Problems(Valid() with { AnnualResources = resources }));

    [Theory]
    [InlineData("123456")]
    [InlineData("12345678")]
    [InlineData("ABC1234")]
    public void Check_CafNumber_HasSevenDigits(string number) =>
        Assert.Contains(("CafNumber", "application-caf-number"), Problems(Valid() with { CafNumber = number }));

    [Fact]
    public void Check_Hours_DepartureAfterArrival() =>
        Assert.Contains(("To", "application-hours-order"), Problems(Valid() with { From = new TimeOnly(18, 0), To = new TimeOnly(8, 0) }));

    [Fact]
    public void Check_WeekendOnly_IsNotADayOfCrèche() =>
        Assert.Contains(("Days", "application-days-missing"), Problems(Valid() with { Days = WeekDays.Saturday }));

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000.01)]
    public void Check_AQuotientFamilialOutOfRange_IsRefused(double qf) =>
        Assert.Contains(("QuotientFamilial", "application-quotient-range"), Problems(Valid() with { QuotientFamilial = (decimal)qf }));

    [Fact]
    public void Check_TheGridAnswers_WithinTheCommune_AreAccepted() =>
        Assert.Empty(Problems(Valid() with { QuotientFamilial = 0m, SocialSupport = true, SiblingFacilities = [CrecheB], PartnerEmployerFacilities = [CrecheA, CrecheB] }));

    [Fact]
    public void Check_SiblingOrPartnerCrechesOutsideTheCommune_AreRefused()
    {
        var problems = Problems(Valid() with { SiblingFacilities = [CrecheA, CrecheElsewhere], PartnerEmployerFacilities = [CrecheElsewhere] }).ToList();

        Assert.Contains(("SiblingFacilities", "application-sibling-outside"), problems);
        Assert.Contains(("PartnerEmployerFacilities", "application-partner-outside"), problems);
    }
}
