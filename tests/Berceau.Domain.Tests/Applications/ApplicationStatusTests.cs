using Berceau.Domain.Applications;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Berceau.Domain.Applications.ApplicationStatus;

namespace Berceau.Domain.Tests.Applications;

public class ApplicationStatusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The status machine of the guichet unique, written out once more by hand: the table the code must match.</summary>
    private static readonly (ApplicationStatus From, ApplicationStatus To)[] Legal =
    [
        (Draft, Submitted), (Draft, Cancelled),
        (Submitted, Incomplete), (Submitted, Complete), (Submitted, Lapsed), (Submitted, Cancelled),
        (Incomplete, Complete), (Incomplete, Lapsed), (Incomplete, Cancelled),
        (Complete, Incomplete), (Complete, InCommittee), (Complete, Lapsed), (Complete, Cancelled),
        (InCommittee, Offered), (InCommittee, Waitlisted), (InCommittee, Complete), (InCommittee, Cancelled),
        (Offered, Accepted), (Offered, Declined), (Offered, Waitlisted), (Offered, Lapsed), (Offered, Cancelled),
        (Accepted, Offered), (Accepted, Admitted), (Accepted, Cancelled),
        (Declined, Waitlisted),
        (Waitlisted, InCommittee), (Waitlisted, Offered), (Waitlisted, Incomplete), (Waitlisted, Lapsed), (Waitlisted, Cancelled),
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus> AllPairs()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
            foreach (var to in Enum.GetValues<ApplicationStatus>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_MatchesTheTableOfTheGuichetUnique(ApplicationStatus from, ApplicationStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), ApplicationStatuses.CanMove(from, to));

    [Fact]
    public void FinalStatuses_AreAdmittedLapsedAndCancelled() =>
        Assert.Equal([Admitted, Lapsed, Cancelled], Enum.GetValues<ApplicationStatus>().Where(ApplicationStatuses.IsFinal));

    [Fact]
    public void Labels_AreFrenchAndDistinct()
    {
        var labels = Enum.GetValues<ApplicationStatus>().Select(s => s.Label()).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Equal("Liste d’attente", Waitlisted.Label());
        Assert.Equal("Caduque", Lapsed.Label());
    }

    [Fact]
    public void Move_AlongTheUsualPath_EndsAdmittedWithEveryStepInTheTimeline()
    {
        var history = new ApplicationStatusHistory();
        ApplicationStatus[] path = [Submitted, Complete, InCommittee, Offered, Accepted, Admitted];

        for (var i = 0; i < path.Length; i++)
            Assert.True(history.Move(path[i], T0.AddDays(i), "agent-1").IsSuccess);

        Assert.Equal(Admitted, history.Current);
        Assert.Equal([Draft, .. path[..^1]], history.Changes.Select(c => c.From));
        Assert.Equal(path, history.Changes.Select(c => c.To));
    }

    [Fact]
    public void Move_AdmittedWithoutAnAcceptedOffer_IsRefusedAndChangesNothing()
    {
        var history = new ApplicationStatusHistory();
        history.Move(Submitted, T0, "famille-1");

        var moved = history.Move(Admitted, T0.AddDays(1), "agent-1");

        Assert.Equal("application-move-refused", Assert.Single(moved.Problems).Code);
        Assert.Contains("« Déposée » ne peut pas passer à « Admise »", moved.Problems[0].Message);
        Assert.Equal(Submitted, history.Current);
        Assert.Single(history.Changes);
    }

    [Fact]
    public void Move_FromALapsedApplication_SaysItCanNoLongerChange()
    {
        var history = new ApplicationStatusHistory();
        history.Move(Submitted, T0, "famille-1");
        history.Move(Lapsed, T0.AddMonths(3), "système", "Demande non confirmée après relance.");

        var moved = history.Move(Complete, T0.AddMonths(4), "agent-1");

        Assert.Equal("application-final", Assert.Single(moved.Problems).Code);
        Assert.Equal(Lapsed, history.Current);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Move_ToIncompleteWithoutAReason_IsRefused(string? reason)
    {
        var history = new ApplicationStatusHistory();
        history.Move(Submitted, T0, "famille-1");

        var moved = history.Move(Incomplete, T0.AddDays(1), "agent-1", reason);

        Assert.Equal("application-reason-required", Assert.Single(moved.Problems).Code);
        Assert.Equal("Reason", moved.Problems[0].Field);
        Assert.Equal(Submitted, history.Current);
    }

    [Fact]
    public void Move_DatedBeforeThePreviousChange_IsRefused()
    {
        var history = new ApplicationStatusHistory();
        history.Move(Submitted, T0, "famille-1");

        var moved = history.Move(Complete, T0.AddMinutes(-1), "agent-1");

        Assert.Equal("application-move-backdated", Assert.Single(moved.Problems).Code);
    }

    [Fact]
    public void Replay_OfAStoredTimeline_GivesTheSameStatus_AndRefusesATamperedOne()
    {
        var history = new ApplicationStatusHistory();
        history.Move(Submitted, T0, "famille-1");
        history.Move(Incomplete, T0.AddDays(1), "agent-1", "Justificatif de domicile manquant.");
        history.Move(Complete, T0.AddDays(3), "agent-1");

        var replayed = ApplicationStatusHistory.Replay(history.Changes);
        var tampered = ApplicationStatusHistory.Replay([history.Changes[0], history.Changes[0] with { From = Complete, To = Admitted }]);

        Assert.Equal(Complete, replayed.Value.Current);
        Assert.Equal(history.Changes, replayed.Value.Changes);
        Assert.Equal("application-history-broken", Assert.Single(tampered.Problems).Code);
    }

    /// <summary>
    /// Whatever anyone tries, in any order, the timeline stays a legal path from the draft. Half the attempts are legal
    /// moves (so that the walk reaches the commission and the offers), half are any status at all.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property AnySequenceOfAttempts_LeavesALegalTimeline() =>
        Prop.ForAll(
            Gen.Choose(0, 1000).ArrayOf().ToArbitrary(),
            attempts =>
            {
                var history = new ApplicationStatusHistory();
                var at = T0;
                var all = Enum.GetValues<ApplicationStatus>();
                foreach (var attempt in attempts)
                {
                    var before = history.Current;
                    var legal = ApplicationStatuses.NextOf(before);
                    var to = attempt % 2 == 0 && legal.Count > 0 ? legal[attempt / 2 % legal.Count] : all[attempt / 2 % all.Length];
                    var moved = history.Move(to, at = at.AddHours(1), "agent-1", "raison");
                    if (moved.IsSuccess != ApplicationStatuses.CanMove(before, to)) return false;
                    if (!moved.IsSuccess && history.Current != before) return false;
                }
                var from = Draft;
                foreach (var change in history.Changes)
                {
                    if (change.From != from || !ApplicationStatuses.CanMove(change.From, change.To)) return false;
                    from = change.To;
                }
                return from == history.Current;
            });
}

public class StatusChangesAtTheSameInstantTests
{
    [Fact]
    public void ChangesMadeAtTheSameInstant_AreReplayedInTheOrderThatChainsThem_WhateverOrderStorageGives()
    {
        var day = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        StatusChange[] made =
        [
            new(ApplicationStatus.Draft, ApplicationStatus.Submitted, day, "famille", null),
            new(ApplicationStatus.Submitted, ApplicationStatus.Complete, day.AddDays(1), "agent", null),
            // A freeze and a publication with a clock that did not move (or in one request).
            new(ApplicationStatus.Complete, ApplicationStatus.InCommittee, day.AddDays(2), "agent", null),
            new(ApplicationStatus.InCommittee, ApplicationStatus.Offered, day.AddDays(2), "agent", null),
        ];

        foreach (var stored in new[] { made, [made[3], made[1], made[2], made[0]], [made[2], made[0], made[3], made[1]] })
        {
            var history = ApplicationStatusHistory.Replay(ApplicationStatusHistory.InTimeOrder(stored));

            Assert.True(history.IsSuccess);
            Assert.Equal(ApplicationStatus.Offered, history.Value.Current);
            Assert.Equal(made, history.Value.Changes);
        }
    }

    [Fact]
    public void ChangesEachAtItsOwnInstant_AreReplayedInTimeOrder_AndAGapIsStillBroken()
    {
        var day = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        StatusChange[] made =
        [
            new(ApplicationStatus.Draft, ApplicationStatus.Submitted, day, "famille", null),
            new(ApplicationStatus.Submitted, ApplicationStatus.Complete, day.AddDays(1), "agent", null),
            new(ApplicationStatus.Complete, ApplicationStatus.InCommittee, day.AddDays(2), "agent", null),
        ];

        Assert.Equal(made, ApplicationStatusHistory.InTimeOrder(made));
        Assert.Equal(made, ApplicationStatusHistory.InTimeOrder([made[2], made[0], made[1]]));
        var broken = ApplicationStatusHistory.Replay(ApplicationStatusHistory.InTimeOrder([made[0], made[2]]));
        Assert.False(broken.IsSuccess);
        Assert.Equal("application-history-broken", broken.Problems[0].Code);
    }

    [Fact]
    public void AHistoryThatDoesNotChain_IsStillReportedBroken()
    {
        var day = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        StatusChange[] stored =
        [
            new(ApplicationStatus.Draft, ApplicationStatus.Submitted, day, "famille", null),
            new(ApplicationStatus.InCommittee, ApplicationStatus.Offered, day, "agent", null),
        ];

        var history = ApplicationStatusHistory.Replay(ApplicationStatusHistory.InTimeOrder(stored));

        Assert.False(history.IsSuccess);
        Assert.Equal("application-history-broken", history.Problems[0].Code);
    }
}
