using Berceau.Data.Commission;
using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Grid;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Commission;
using Engine = Berceau.Allocation;

namespace Berceau.Web.Tests.Features.Commission;

/// <summary>The freeze's instance, the overrides' transformation and the replay, on data built here (no database).</summary>
public class SnapshotTests
{
    private static readonly DateOnly Freeze = new(2027, 3, 1);
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly PointsGrid Grid = new()
    {
        CommuneCode = "93077", Version = 3, ValidFrom = new(2026, 1, 1),
        PerParent = new SituationPoints(Employed: 30, Training: 25, JobSeeker: 20, Insertion: 30, Other: 0),
        SingleParent = 20, PointsPerMonthWaited = 1, MaxMonthsCounted = 12, HomeSector = 10,
    };

    private static Facility Creche(string name, Guid? sector = null) => new()
    {
        Name = name, CommuneCode = "93077", Mode = CareMode.EajeCollectif, SectorId = sector,
        Sections =
        [
            new Section { Name = "Grands", MinAgeMonths = 18, MaxAgeMonths = 36, Places = 10 },
            new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 10 },
        ],
    };

    private static Application Applicant(string reference, DateOnly born, DateTimeOffset submitted, Guid? sector, params FacilityId?[] wishes)
    {
        var application = new Application { Reference = reference, CommuneCode = "93077", CreatedAt = submitted };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Prénom", "Nom", born, null),
            Guardians = [new GuardianInput("Parent", "Nom", GuardianSituation.Employed), new GuardianInput("Parent", "Deux", GuardianSituation.Insertion)],
            DesiredStart = Freeze.AddMonths(1), Days = WeekDays.Weekdays, From = new(8, 0), To = new(17, 0),
            Wishes = [.. wishes.Select(w => new WishInput(w))],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue", "93250", sector), consent: true, submitted).IsSuccess);
        var choices = new WishChoices(wishes.OfType<FacilityId>().ToHashSet(), sector);
        var submittedOutcome = application.Submit(choices, DateOnly.FromDateTime(submitted.UtcDateTime), submitted, "famille");
        Assert.True(submittedOutcome.IsSuccess, string.Join(" ", submittedOutcome.Problems.Select(p => p.Message)));
        application.Move(ApplicationStatus.Complete, submitted.AddDays(1), "agent");
        return application;
    }

    private static (CommissionSession Session, Facility A, Facility B, Facility Outside, Guid Sector) Scene()
    {
        var sector = Guid.NewGuid();
        var a = Creche("Les Lilas", sector);
        var b = Creche("Arc-en-ciel", sector);
        var outside = Creche("Hors périmètre");
        var session = CommissionSession.Create(new("93077", [a.Id, b.Id], "Commission", Freeze.AddDays(14), Freeze), At, "agent").Value;
        session.SetMembers([new("elue", CommissionRole.President)]);
        session.DeclareSeats(a, a.Sections[1].Id, 1, Freeze.AddDays(10), Freeze, At, "directrice");
        session.DeclareSeats(b, b.Sections[1].Id, 1, Freeze, Freeze, At, "directrice");
        return (session, a, b, outside, sector);
    }

    [Fact]
    public void Build_ScoresEachWish_ExpandsTheSector_CountsAgeOnTheFirstSeatDay_AndBreaksTiesBySubmissionTime()
    {
        var (session, a, b, outside, sector) = Scene();
        var early = Applicant("DEM-2", new(2026, 5, 15), new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), sector, a.Id, null);
        var late = Applicant("DEM-1", new(2026, 6, 1), new(2026, 9, 1, 18, 0, 0, TimeSpan.Zero), null, outside.Id, b.Id);
        var notHere = Applicant("DEM-3", new(2026, 6, 1), new(2026, 9, 2, 8, 0, 0, TimeSpan.Zero), null, outside.Id);

        var snapshot = InstanceSnapshot.Build(session, [a, b, outside], Grid, [late, notHere, early], CommissionDisplay.DayOf);

        Assert.Equal(Freeze, snapshot.AgeOn);
        Assert.Equal(["DEM-1", "DEM-2"], snapshot.Instance.Applications.Select(x => x.Id));
        var first = snapshot.Instance.Applications[1];
        // Lilas, then the sector (Arc-en-ciel, Lilas already wished): sector bonus at both.
        Assert.Equal([InstanceSnapshot.StructureId(a.Id), InstanceSnapshot.StructureId(b.Id)], first.Wishes.Select(w => w.Structure));
        // 30 + 30 (parents) + 5 months waited (1 Sept → 1 March: 6 months) … computed by the grid: 30 + 30 + 6 + 10 (sector).
        Assert.Equal([76, 76], first.Wishes.Select(w => w.Score));
        Assert.Equal(9, first.AgeMonthsAtStart);
        Assert.Equal([InstanceSnapshot.InsertionCategory], first.Categories);
        Assert.Equal(1, first.TieBreak);
        var second = snapshot.Instance.Applications[0];
        Assert.Equal([InstanceSnapshot.StructureId(b.Id)], second.Wishes.Select(w => w.Structure));
        Assert.Equal(66, second.Wishes[0].Score);
        Assert.Equal(2, second.TieBreak);
        // The breakdown is kept per structure, line by line.
        var scores = snapshot.Entries.Single(e => e.InstanceId == "DEM-2").Scores;
        Assert.Contains(scores[0].Lines, l => l.Label == "Structure de votre secteur" && l.Points == 10);
        Assert.Empty(Engine.AllocationEngine.Validate(snapshot.Instance));
    }

    [Fact]
    public void Build_PutsTheSectionWithSeatsFirst_AndGivesUndeclaredSectionsNoSeat()
    {
        var (session, a, b, outside, _) = Scene();

        var snapshot = InstanceSnapshot.Build(session, [a, b, outside], Grid, [], CommissionDisplay.DayOf);

        var ofA = snapshot.Instance.Sections.Where(s => s.Structure == InstanceSnapshot.StructureId(a.Id)).ToList();
        Assert.Equal([InstanceSnapshot.SectionId(a.Sections[1].Id), InstanceSnapshot.SectionId(a.Sections[0].Id)], ofA.Select(s => s.Id));
        Assert.Equal([1, 0], ofA.Select(s => s.Capacity));
        Assert.DoesNotContain(snapshot.Instance.Sections, s => s.Structure == InstanceSnapshot.StructureId(outside.Id));
    }

    [Fact]
    public void Build_GivesTheSameBytes_WhateverTheOrderTheDataCameIn()
    {
        var (session, a, b, outside, sector) = Scene();
        var x = Applicant("DEM-8", new(2026, 5, 15), new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), sector, a.Id);
        var y = Applicant("DEM-9", new(2026, 4, 15), new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), sector, (FacilityId?)null);

        var one = RunRecord.InstanceJson(InstanceSnapshot.Build(session, [a, b, outside], Grid, [x, y], CommissionDisplay.DayOf).Instance);
        var two = RunRecord.InstanceJson(InstanceSnapshot.Build(session, [outside, b, a], Grid, [y, x], CommissionDisplay.DayOf).Instance);

        Assert.Equal(one, two);
    }

    private static Engine.Instance Small() => new(1, null,
        [new Engine.Section("S1", "A", 1, 0, 36, []), new Engine.Section("S2", "B", 1, 0, 36, [])],
        [
            new Engine.Application("X", 10, Freeze, [], 1, [new("A", 50), new("B", 50)]),
            new Engine.Application("Y", 10, Freeze, [], 2, [new("A", 40), new("B", 40)]),
            new Engine.Application("Z", 10, Freeze, [], 3, [new("A", 30)]),
        ]);

    private static AppliedOverride Override(OverrideKind kind, string application, string structure, string? section = null) =>
        new(Guid.NewGuid(), kind, application, Guid.Parse(structure), section is null ? null : Guid.Parse(section), "Motif suffisamment long", "elue", At);

    [Fact]
    public void Exclude_RemovesTheWish_AndForce_RemovesTheApplicationAndOneSeat()
    {
        var a = Guid.NewGuid().ToString("D");
        var s1 = Guid.NewGuid().ToString("D");
        var b = Guid.NewGuid().ToString("D");
        var s2 = Guid.NewGuid().ToString("D");
        var frozen = Small() with
        {
            Sections = [new Engine.Section(s1, a, 1, 0, 36, []), new Engine.Section(s2, b, 1, 0, 36, [])],
            Applications = [.. Small().Applications.Select(x => x with { Wishes = [.. x.Wishes.Select(w => w with { Structure = w.Structure == "A" ? a : b })] })],
        };

        var transformed = OverrideTransform.Apply(frozen, [Override(OverrideKind.Exclude, "X", a), Override(OverrideKind.Force, "Z", a, s1)]).Value;

        Assert.Equal(["X", "Y"], transformed.Instance.Applications.Select(x => x.Id));
        Assert.Equal([b], transformed.Instance.Applications[0].Wishes.Select(w => w.Structure));
        Assert.Equal(0, transformed.Instance.Sections[0].Capacity);
        Assert.Equal("Z", Assert.Single(transformed.Forced).Application);
        var result = Engine.AllocationEngine.Solve(transformed.Instance);
        Assert.Equal(("X", s2), (result.Assignments[0].Application, result.Assignments[0].Section));
        Assert.Equal(["Y"], result.Unassigned);

        var noSeat = OverrideTransform.Apply(frozen, [Override(OverrideKind.Force, "Z", a, s1), Override(OverrideKind.Force, "Y", a, s1)]);
        Assert.Equal("commission-override-no-seat", Assert.Single(noSeat.Problems).Code);
        var notWished = OverrideTransform.Apply(frozen, [Override(OverrideKind.Exclude, "Z", b)]);
        Assert.Equal("commission-override-not-wished", Assert.Single(notWished.Problems).Code);
        var excludedEverywhere = OverrideTransform.Apply(frozen, [Override(OverrideKind.Exclude, "Z", a)]).Value;
        Assert.Equal(["Z"], excludedEverywhere.ExcludedEverywhere);
    }

    [Fact]
    public void Replay_OfAStoredRun_ReproducesItsBytesExactly()
    {
        var (session, a, b, outside, sector) = Scene();
        var applications = Enumerable.Range(0, 6).Select(i =>
            Applicant($"DEM-{i}", new(2026, 4 + i % 3, 1), new(2026, 9, 1 + i, 8, 0, 0, TimeSpan.Zero), sector, i % 2 == 0 ? a.Id : b.Id, null)).ToList();
        var snapshot = InstanceSnapshot.Build(session, [a, b, outside], Grid, applications, CommissionDisplay.DayOf);
        var stored = new CommissionSnapshot
        {
            SessionId = session.Id, InstanceJson = RunRecord.InstanceJson(snapshot.Instance), GridVersion = 3, AgeOn = snapshot.AgeOn,
            FrozenAt = At, FrozenBy = "elue",
        };
        var overrides = new List<AppliedOverride> { Override(OverrideKind.Exclude, "DEM-0", a.Id.Value.ToString("D")) };
        var transformed = OverrideTransform.Apply(RunRecord.ReadInstance(stored.InstanceJson), overrides).Value;
        var result = Engine.AllocationEngine.Solve(transformed.Instance);
        var run = new CommissionRun
        {
            SessionId = session.Id, Number = 1, InstanceJson = RunRecord.InstanceJson(transformed.Instance), ResultJson = RunRecord.ResultJson(result),
            InstanceHash = result.InstanceHash, EngineVersion = RunRecord.EngineVersion, OverridesJson = RunRecord.OverridesJson(overrides), At = At, By = "elue",
        };

        var report = RunRecord.Replay(stored, run);

        Assert.True(report.Identical);
        Assert.Equal(stored.InstanceJson, RunRecord.InstanceJson(RunRecord.ReadInstance(stored.InstanceJson)));
        var tampered = RunRecord.Replay(stored, new CommissionRun
        {
            SessionId = run.SessionId, Number = 1, InstanceJson = run.InstanceJson, ResultJson = run.ResultJson.Replace("\"filled\":1", "\"filled\":2"),
            InstanceHash = run.InstanceHash, EngineVersion = run.EngineVersion, OverridesJson = RunRecord.OverridesJson([]), At = At, By = "elue",
        });
        Assert.False(tampered.SameResult);
        Assert.False(tampered.SameInstance);
    }
}
