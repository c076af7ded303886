using Berceau.Domain.Commission;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Offer;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.Tests.Commission;

/// <summary>Calling a session off, recording attendance, and the follow-up case a validation opens.</summary>
public class SessionCancellationTests
{
    private static readonly DateOnly Freeze = new(2027, 3, 1);
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static CommissionSession Session()
    {
        var session = CommissionSession.Create(new("93032", [], "Commission de printemps", Freeze.AddDays(14), Freeze), At, "agent").Value;
        session.SetMembers([new("elue", CommissionRole.President), new("membre", CommissionRole.Member)]);
        return session;
    }

    private static CommissionSession Frozen()
    {
        var creche = new Facility
        {
            Name = "Crèche", CommuneCode = "93032", Sections = [new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 10 }],
        };
        var session = Session();
        session.DeclareSeats(creche, creche.Sections[0].Id, 2, Freeze, Freeze, At, "directrice");
        Assert.True(session.Freeze(Freeze, At, "elue").IsSuccess);
        return session;
    }

    [Fact]
    public void Cancel_InPreparationOrFrozen_WithAReason_CallsTheSessionOff()
    {
        foreach (var session in new[] { Session(), Frozen() })
        {
            var cancelled = session.Cancel("  Réunion reportée au printemps  ", At, "agent");

            Assert.True(cancelled.IsSuccess);
            Assert.Equal(CommissionStatus.Cancelled, session.Status);
            Assert.Equal("Réunion reportée au printemps", session.CancellationReason);
            Assert.Equal("agent", session.CancelledBy);
            Assert.Equal("Annulée", session.Status.Label());
        }
    }

    [Fact]
    public void Cancel_WithoutAReason_IsRefused_AndChangesNothing()
    {
        var session = Session();
        var version = session.Version;

        var cancelled = session.Cancel(" court ", At, "agent");

        Assert.Equal("commission-cancel-reason", Assert.Single(cancelled.Problems).Code);
        Assert.Equal("Reason", cancelled.Problems[0].Field);
        Assert.Equal(CommissionStatus.Preparation, session.Status);
        Assert.Equal(version, session.Version);
    }

    [Fact]
    public void Cancel_AfterTheValidation_OrTwice_IsRefused()
    {
        var validated = Frozen();
        Assert.True(validated.Validate(Guid.NewGuid(), At, "elue").IsSuccess);
        var cancelled = Session();
        Assert.True(cancelled.Cancel("Réunion reportée au printemps", At, "agent").IsSuccess);

        Assert.Equal("commission-move-refused", Assert.Single(validated.Cancel("Réunion reportée au printemps", At, "agent").Problems).Code);
        Assert.Equal("commission-move-refused", Assert.Single(cancelled.Cancel("Réunion reportée au printemps", At, "agent").Problems).Code);
        Assert.False(CommissionStatuses.CanMove(CommissionStatus.Cancelled, CommissionStatus.Frozen));
    }

    [Fact]
    public void Attendance_MarksTheListedMembersPresent_AndTheOthersAbsent()
    {
        var session = Frozen();

        Assert.True(session.RecordAttendance(["elue"]).IsSuccess);

        Assert.True(session.MemberOf("elue")!.Present);
        Assert.False(session.MemberOf("membre")!.Present);
        Assert.True(session.IsPresident("elue"));
    }

    [Fact]
    public void Attendance_RefusesAStranger_NobodyPresent_AndASessionNotYetFrozen()
    {
        var frozen = Frozen();

        Assert.Equal("commission-attendance-unknown", Assert.Single(frozen.RecordAttendance(["elue", "intrus"]).Problems).Code);
        Assert.Equal("commission-attendance-empty", Assert.Single(frozen.RecordAttendance([]).Problems).Code);
        Assert.Equal("commission-attendance-closed", Assert.Single(Session().RecordAttendance(["elue"]).Problems).Code);
        Assert.All(frozen.Members, m => Assert.Null(m.Present));
    }

    [Fact]
    public void AFollowUpCase_OpenedByACommission_NamesItsSession()
    {
        var session = Frozen();
        var application = new ApplicationId(Guid.NewGuid());

        var opened = FollowUpCase.FromCommission(application, "93032", session.Id, At, "elue");
        var byAgent = FollowUpCase.ByAgent(application, "93032", At, "agent");

        Assert.Equal((FollowUpOrigin.Commission, session.Id, FollowUpStatus.Open), (opened.Origin, opened.SessionId!.Value, opened.Status));
        Assert.Equal((FollowUpOrigin.Agent, (CommissionSessionId?)null), (byAgent.Origin, byAgent.SessionId));
    }
}
