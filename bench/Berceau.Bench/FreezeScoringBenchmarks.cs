using BenchmarkDotNet.Attributes;
using Berceau.Domain.Applications;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Commission;

/// <summary>
/// What a département's commission freeze computes on the thread pool while it writes the applications (docs/performance.md):
/// the scores of 30,000 generated applications (6 wishes each over 1,000 crèches of 20 sectors, two parents, a quotient familial)
/// with a grid of every criterion, the entries' stored breakdowns and the instance's JSON. Under the server garbage collector, as
/// the web app runs: the objects these keep alive are what each young collection copies.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
public class FreezeScoringBenchmarks
{
    private static readonly DateOnly Freeze = new(2027, 3, 1);
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly PointsGrid _grid = new()
    {
        CommuneCode = "93077", Version = 3, ValidFrom = new(2026, 1, 1),
        PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
        SingleParent = 20, PointsPerMonthWaited = 1, MaxMonthsCounted = 24, HomeSector = 10, SiblingInStructure = 15, PartnerEmployer = 5,
        QuotientBands = [new QuotientBand(500, 20), new QuotientBand(1000, 10), new QuotientBand(null, 0)],
    };
    private InstanceSnapshot.SnapshotPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var sectors = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var facilities = Enumerable.Range(0, 1_000).Select(i => new Facility
        {
            Name = $"Crèche {i}", CommuneCode = "93077", Mode = CareMode.EajeCollectif, SectorId = sectors[i % 20],
            Sections =
            [
                new Section { Name = "Grands", MinAgeMonths = 18, MaxAgeMonths = 36, Places = 10 },
                new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 10 },
            ],
        }).ToList();
        var session = CommissionSession.Create(new("93077", [.. facilities.Select(f => f.Id)], "Commission", Freeze.AddDays(14), Freeze), At, "agent").Value;
        foreach (var facility in facilities) session.DeclareSeats(facility, facility.Sections[1].Id, 5, Freeze, Freeze, At, "directrice");
        GuardianSituation[] situations = [GuardianSituation.Employed, GuardianSituation.Training, GuardianSituation.JobSeeker, GuardianSituation.Insertion];
        var applications = Enumerable.Range(0, 30_000).Select(i =>
        {
            var submitted = At.AddDays(-random.Next(1, 700)).AddMinutes(random.Next(0, 1_440));
            return new ExaminedApplication
            {
                Id = new ApplicationId(Guid.NewGuid()), Reference = $"DEM-{i:D6}", FamilyUserId = "famille-" + i, CommuneCode = "93077",
                Status = ApplicationStatus.Complete, Version = 1, CreatedAt = submitted, SubmittedAt = submitted, ChildFirstName = "Prénom",
                ChildBirthDate = Freeze.AddDays(-random.Next(60, 900)), SectorId = sectors[random.Next(20)], QuotientFamilial = random.Next(200, 2_000),
                ReceivesSocialMinimum = random.Next(5) == 0, SocialSupport = random.Next(10) == 0,
                Wishes = [.. Enumerable.Range(0, 6).Select(_ => (FacilityId?)facilities[random.Next(1_000)].Id)],
                GuardianSituations = [situations[random.Next(4)], situations[random.Next(4)]],
            };
        }).ToList();
        _plan = InstanceSnapshot.Plan(session, facilities, applications);
    }

    [Benchmark]
    public int ScoresEntriesAndInstance()
    {
        var snapshot = _plan.Build(_grid, CommissionDisplay.DayOf);
        var (entries, _) = StoredScores.WriteSession([.. snapshot.Entries.Select(e => e.Scores)]);
        return entries.Length + RunRecord.InstanceJson(snapshot.Instance).Length;
    }
}
