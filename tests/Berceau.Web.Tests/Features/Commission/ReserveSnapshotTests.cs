using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The reserves and categories the freeze writes, and what the engine does with them (no database).</summary>
public class ReserveSnapshotTests
{
    private static readonly DateOnly Freeze = new(2027, 3, 1);
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly PointsGrid Grid = new()
    {
        CommuneCode = "93046", Version = 1, ValidFrom = new(2026, 1, 1),
        PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
        SingleParent = 20, PointsPerMonthWaited = 1, MaxMonthsCounted = 12,
    };

    private static Facility Creche(string name, bool avip) => new()
    {
        Name = name, CommuneCode = "93046", Mode = CareMode.EajeCollectif, IsAvip = avip,
        Sections =
        [
            new Section { Name = "Grands", MinAgeMonths = 18, MaxAgeMonths = 36, Places = 20 },
            new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 20 },
        ],
    };

    /// <summary>Two parents, submitted on 1 September 2026 at 8:00 plus <paramref name="minute"/> (the tie-break), 6 months waited.</summary>
    private static Application Applicant(string reference, int minute, GuardianSituation first, GuardianSituation second, bool socialMinimum, Facility wish)
    {
        var submitted = new DateTimeOffset(2026, 9, 1, 8, minute, 0, TimeSpan.Zero);
        var application = new Application { Reference = reference, CommuneCode = "93046", CreatedAt = submitted };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Prénom", "Nom", new(2026, 5, 15), null),
            Guardians = [new GuardianInput("Parent", "Un", first), new GuardianInput("Parent", "Deux", second)],
            ReceivesSocialMinimum = socialMinimum,
            DesiredStart = Freeze.AddMonths(1), Days = WeekDays.Weekdays, From = new(8, 0), To = new(17, 0),
            Wishes = [new WishInput(wish.Id)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue", "93190", null), consent: true, submitted).IsSuccess);
        Assert.True(application.Submit(new WishChoices(new HashSet<FacilityId> { wish.Id }, null), new(2026, 9, 1), submitted, "famille").IsSuccess);
        application.Move(ApplicationStatus.Complete, submitted.AddDays(1), "agent");
        return application;
    }

    [Fact]
    public void TheFreeze_WritesCategoriesAndReserves_AndTheEngineServesThemFirst_PovertyBeforeInsertion()
    {
        var lilas = Creche("Les Lilas", avip: true);
        var other = Creche("Arc-en-ciel", avip: false);
        var session = CommissionSession.Create(new("93046", [lilas.Id, other.Id], "Commission", Freeze.AddDays(14), Freeze), At, "agent").Value;
        session.SetMembers([new("elue", CommissionRole.President)]);
        session.DeclareSeats(lilas, lilas.Sections[1].Id, 5, Freeze, Freeze, At, "directrice");
        session.DeclareSeats(other, other.Sections[1].Id, 2, Freeze, Freeze, At, "directrice");
        const GuardianSituation Employed = GuardianSituation.Employed, Other = GuardianSituation.Other;
        // Scores at Les Lilas (parents + 6 months waited): E1…E5 30 + 30 + 6 = 66; Both 30 (insertion) + 6 = 36;
        // Seeker 20 (job seeker) + 6 = 26; Poor 0 + 6 = 6.
        List<Application> applications =
        [
            .. Enumerable.Range(1, 5).Select(i => Applicant($"DEM-E{i}", i, Employed, Employed, false, lilas)),
            Applicant("DEM-POOR", 10, Other, Other, socialMinimum: true, lilas),
            Applicant("DEM-SEEKER", 11, GuardianSituation.JobSeeker, Other, socialMinimum: false, lilas),
            Applicant("DEM-BOTH", 12, GuardianSituation.Insertion, Other, socialMinimum: true, lilas),
        ];

        var snapshot = InstanceSnapshot.Build(session, [lilas, other], Grid, applications, CommissionDisplay.DayOf);

        var sections = snapshot.Instance.Sections.ToDictionary(s => s.Id);
        // Les Lilas, 5 seats, AVIP: poverty ⌈5/20⌉ = 1, then insertion ⌈20 % × 5⌉ = 1. Arc-en-ciel, 2 seats: poverty 1 only.
        Assert.Equal([new Engine.Reserve("poverty", 1), new Engine.Reserve("insertion", 1)], sections[InstanceSnapshot.SectionId(lilas.Sections[1].Id)].Reserves);
        Assert.Empty(sections[InstanceSnapshot.SectionId(lilas.Sections[0].Id)].Reserves);
        Assert.Equal([new Engine.Reserve("poverty", 1)], sections[InstanceSnapshot.SectionId(other.Sections[1].Id)].Reserves);
        var categories = snapshot.Instance.Applications.ToDictionary(a => a.Id, a => a.Categories);
        Assert.Equal(["poverty", "insertion"], categories["DEM-BOTH"]);
        Assert.Equal(["poverty"], categories["DEM-POOR"]);
        Assert.Equal(["insertion"], categories["DEM-SEEKER"]);
        Assert.Empty(categories["DEM-E1"]);
        Assert.Equal([6, 26, 36], new[] { "DEM-POOR", "DEM-SEEKER", "DEM-BOTH" }.Select(id => snapshot.Instance.Applications.Single(a => a.Id == id).Wishes[0].Score));

        var result = Engine.AllocationEngine.Solve(snapshot.Instance);

        // Poverty first: Both (36) is the best family on a minimum social and takes it; insertion then goes to Seeker (26),
        // Both being taken; the three ordinary seats to E1, E2, E3 (66, earliest submitted). Poor (6) waits, and so do E4, E5.
        var placed = result.Assignments.ToDictionary(a => a.Application, a => a.ViaReserve);
        Assert.Equal(["DEM-BOTH", "DEM-E1", "DEM-E2", "DEM-E3", "DEM-SEEKER"], placed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("poverty", "insertion", (string?)null), (placed["DEM-BOTH"], placed["DEM-SEEKER"], placed["DEM-E1"]));
        Assert.Equal(["DEM-E4", "DEM-E5", "DEM-POOR"], result.Unassigned);
        // The last admitted (Seeker, 26) is below E4's 66: the explanation says it entered on a reserved seat.
        var run = RunView.Read(new Berceau.Data.Commission.CommissionRun
        {
            SessionId = session.Id, Number = 1, InstanceJson = RunRecord.InstanceJson(snapshot.Instance), ResultJson = RunRecord.ResultJson(result),
            InstanceHash = result.InstanceHash, EngineVersion = "test", OverridesJson = "[]", At = At, By = "test",
        });
        Assert.Equal("Sans place : Les Lilas, score 66 pour un dernier admis à 26 via réserve, 1re sur la liste d’attente.",
            run.WhyUnassigned("DEM-E4", id => id == InstanceSnapshot.StructureId(lilas.Id) ? lilas.Name : "?"));
    }
}
