using Berceau.Domain.Applications;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Offer;
using Berceau.Web.Tests.Support;

namespace Berceau.Web.Tests.Features.Observatory.Indicators;

/// <summary>
/// Data of the indicator tests, built through the domain's verbs with chosen dates. L’Île-Saint-Denis (93039, no Cnaf row: the
/// Cnaf does not publish communes under 10,000 inhabitants) holds the hand-built applications, cases and structures; Le Bourget
/// (93013) holds one validated and published commission. No other test class creates data in either.
/// </summary>
internal static class IndicatorsTestData
{
    public const string IleSaintDenis = "93039";
    public const string IleSaintDenisPostalCode = "93450";
    public const string LeBourget = "93013";
    public const string PlaineCommune = "200057867";

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    /// <summary>One family of the fixture: submitted on a day, then moved through <paramref name="moves"/> (status, instant, reason).</summary>
    public sealed record Story(
        DateTimeOffset Submitted, DateOnly? Born, DateOnly? Expected, (ApplicationStatus To, DateTimeOffset At)[] Moves,
        bool Disability = false, bool SocialMinimum = false, GuardianSituation Situation = GuardianSituation.Employed);

    /// <summary>A submitted application of L’Île-Saint-Denis, first wish <paramref name="wish"/>, then its story's moves.</summary>
    public static async Task<Application> ApplicationAsync(this BerceauApp app, Facility wish, Story story)
    {
        var today = DateOnly.FromDateTime(story.Submitted.UtcDateTime);
        var start = (story.Born ?? story.Expected ?? today) > today ? (story.Born ?? story.Expected)!.Value.AddMonths(4) : today.AddMonths(4);
        var application = new Application
        {
            Reference = $"DEM-IND-{Guid.NewGuid():N}"[..24], CommuneCode = IleSaintDenis, CreatedAt = story.Submitted,
        };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Lina", "Essai", story.Born, story.Expected),
            Guardians = [new GuardianInput("Nadia", "Essai", story.Situation)],
            ChildrenInHousehold = 1,
            DisabledMemberInHousehold = story.Disability,
            ReceivesSocialMinimum = story.SocialMinimum,
            AnnualResources = 24_000m,
            DesiredStart = start,
            Days = WeekDays.Weekdays,
            From = new TimeOnly(8, 30),
            To = new TimeOnly(17, 30),
            Wishes = [new WishInput(wish.Id)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("2 quai de l’Essai", IleSaintDenisPostalCode, null), consent: true, story.Submitted).IsSuccess);
        var submitted = application.Submit(new WishChoices(new HashSet<FacilityId> { wish.Id }, null), today, story.Submitted, "test");
        Assert.True(submitted.IsSuccess, string.Join(" ", submitted.Problems.Select(p => p.Message)));
        foreach (var (to, at) in story.Moves)
        {
            var moved = application.Move(to, at, "test", ApplicationStatuses.NeedsReason(to, application.Status) ? "Motif de l’essai." : null);
            Assert.True(moved.IsSuccess, string.Join(" ", moved.Problems.Select(p => p.Message)));
        }
        await app.WithDbAsync(db => { db.Applications.Add(application); return db.SaveChangesAsync(); });
        return application;
    }

    /// <summary>A follow-up case of the application opened on <paramref name="opened"/>, with a solution on <paramref name="solution"/> if given.</summary>
    public static async Task CaseAsync(this BerceauApp app, Application application, DateTimeOffset opened, DateOnly? solution)
    {
        var c = FollowUpCase.ByAgent(application.Id, IleSaintDenis, opened, "test");
        if (solution is { } on)
            Assert.True(c.Record(FollowUpActionKind.SolutionFound, on, "Assistante maternelle", new DateOnly(2027, 12, 31), opened, "test").IsSuccess);
        await app.WithDbAsync(db => { db.FollowUpCases.Add(c); return db.SaveChangesAsync(); });
    }

    public static string UniqueName(string prefix) => $"Test {prefix} {Guid.NewGuid():N}"[..(prefix.Length + 14)];
}
