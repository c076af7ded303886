using Berceau.Domain.Applications;
using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.Tests.Commission;

public class CommissionSessionTests
{
    private static readonly DateOnly Freeze = new(2027, 3, 1);
    private static readonly DateOnly Meeting = new(2027, 3, 15);
    private static readonly DateTimeOffset At = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static Facility Creche(string commune = "93048") => new()
    {
        Name = "Crèche des Lilas", CommuneCode = commune,
        Sections = [new Section { Name = "Bébés", MinAgeMonths = 2, MaxAgeMonths = 18, Places = 10 }],
    };

    private static CommissionSession Session(params FacilityId[] facilities)
    {
        var session = CommissionSession.Create(new("93048", facilities, "Commission de printemps", Meeting, Freeze), At, "agent").Value;
        session.SetMembers([new("elue", CommissionRole.President), new("membre", CommissionRole.Member)]);
        return session;
    }

    private static CommissionSession FrozenWithSeats()
    {
        var creche = Creche();
        var session = Session();
        session.DeclareSeats(creche, creche.Sections[0].Id, 3, Freeze, Freeze.AddDays(-1), At, "directrice");
        Assert.True(session.Freeze(Freeze, At, "elue").IsSuccess);
        return session;
    }

    [Fact]
    public void Create_WhenFreezeAfterMeeting_IsRefused()
    {
        var created = CommissionSession.Create(new("93048", [], "Commission", Meeting, Meeting.AddDays(1)), At, "agent");

        Assert.Equal("commission-freeze-after-meeting", Assert.Single(created.Problems).Code);
    }

    [Fact]
    public void Create_WithoutTitleOrDates_NamesEachField()
    {
        var created = CommissionSession.Create(new("93048", [], " ", null, null), At, "agent");

        Assert.Equal(["Title", "MeetingDate", "FreezeDate"], created.Problems.Select(p => p.Field));
    }

    [Fact]
    public void SetMembers_NeedsExactlyOnePresident()
    {
        var session = CommissionSession.Create(new("93048", [], "Commission", Meeting, Freeze), At, "agent").Value;

        Assert.Equal("commission-one-president", Assert.Single(session.SetMembers([new("a", CommissionRole.Member)]).Problems).Code);
        Assert.Equal("commission-one-president", Assert.Single(session.SetMembers(
            [new("a", CommissionRole.President), new("b", CommissionRole.President)]).Problems).Code);
        Assert.Equal("commission-member-twice", Assert.Single(session.SetMembers(
            [new("a", CommissionRole.President), new("a", CommissionRole.Member)]).Problems).Code);
    }

    [Fact]
    public void DeclareSeats_ReplacesTheSectionsPreviousDeclaration()
    {
        var creche = Creche();
        var session = Session();
        var section = creche.Sections[0].Id;

        session.DeclareSeats(creche, section, 3, Freeze, Freeze.AddDays(-10), At, "directrice");
        session.DeclareSeats(creche, section, 5, Freeze.AddDays(30), Freeze.AddDays(-5), At, "directrice");

        var seats = Assert.Single(session.Seats);
        Assert.Equal(5, seats.Seats);
        Assert.Equal(Freeze.AddDays(30), seats.AvailableOn);
    }

    [Fact]
    public void DeclareSeats_OutsideTheScope_OrAboveTheSection_OrAfterTheFreeze_IsRefused()
    {
        var inScope = Creche();
        var other = Creche();
        var session = Session(inScope.Id);

        Assert.Equal("commission-facility-out-of-scope", Assert.Single(session.DeclareSeats(other, other.Sections[0].Id, 1, Freeze, Freeze, At, "d").Problems).Code);
        Assert.Equal("commission-facility-out-of-scope", Assert.Single(session.DeclareSeats(Creche("93066"), Guid.NewGuid(), 1, Freeze, Freeze, At, "d").Problems).Code);
        Assert.Equal("commission-seats-range", Assert.Single(session.DeclareSeats(inScope, inScope.Sections[0].Id, 11, Freeze, Freeze, At, "d").Problems).Code);
        Assert.Equal("commission-section-unknown", Assert.Single(session.DeclareSeats(inScope, Guid.NewGuid(), 1, Freeze, Freeze, At, "d").Problems).Code);
        Assert.Equal("commission-seats-closed", Assert.Single(session.DeclareSeats(inScope, inScope.Sections[0].Id, 1, Freeze, Freeze.AddDays(1), At, "d").Problems).Code);
    }

    [Fact]
    public void Freeze_BeforeTheFreezeDate_OrWithoutSeats_IsRefused()
    {
        var creche = Creche();
        var session = Session();

        Assert.Equal("commission-no-seat", Assert.Single(session.Freeze(Freeze, At, "elue").Problems).Code);
        session.DeclareSeats(creche, creche.Sections[0].Id, 2, Freeze, Freeze.AddDays(-1), At, "d");
        Assert.Equal("commission-freeze-too-early", Assert.Single(session.Freeze(Freeze.AddDays(-1), At, "elue").Problems).Code);
        Assert.True(session.Freeze(Freeze, At, "elue").IsSuccess);
        Assert.Equal(CommissionStatus.Frozen, session.Status);
    }

    [Fact]
    public void AFrozenSession_TakesNoMoreSeatsNorMembers()
    {
        var session = FrozenWithSeats();
        var creche = Creche();

        Assert.Equal("commission-seats-closed", Assert.Single(session.DeclareSeats(creche, creche.Sections[0].Id, 1, Freeze, Freeze, At, "d").Problems).Code);
        Assert.Equal("commission-not-in-preparation", Assert.Single(session.SetMembers([new("x", CommissionRole.President)]).Problems).Code);
        Assert.Equal("commission-move-refused", Assert.Single(session.Freeze(Freeze, At, "elue").Problems).Code);
    }

    [Fact]
    public void Validate_OnlyByThePresident_AndOnlyOnceFrozen()
    {
        var preparing = Session();
        Assert.Equal("commission-move-refused", Assert.Single(preparing.Validate(Guid.NewGuid(), At, "elue").Problems).Code);

        var session = FrozenWithSeats();
        Assert.Equal("commission-president-only", Assert.Single(session.Validate(Guid.NewGuid(), At, "membre").Problems).Code);
        Assert.Equal("commission-president-only", Assert.Single(session.Validate(Guid.NewGuid(), At, "inconnu").Problems).Code);

        var run = Guid.NewGuid();
        Assert.True(session.Validate(run, At, "elue").IsSuccess);
        Assert.Equal(CommissionStatus.Validated, session.Status);
        Assert.Equal(run, session.ValidatedRunId);
        Assert.False(session.AcceptsRuns);
    }

    [Theory]
    [InlineData(CommissionStatus.Preparation, CommissionStatus.Frozen, true)]
    [InlineData(CommissionStatus.Frozen, CommissionStatus.Validated, true)]
    [InlineData(CommissionStatus.Validated, CommissionStatus.Published, true)]
    [InlineData(CommissionStatus.Preparation, CommissionStatus.Validated, false)]
    [InlineData(CommissionStatus.Preparation, CommissionStatus.Published, false)]
    [InlineData(CommissionStatus.Frozen, CommissionStatus.Preparation, false)]
    [InlineData(CommissionStatus.Frozen, CommissionStatus.Published, false)]
    [InlineData(CommissionStatus.Validated, CommissionStatus.Frozen, false)]
    [InlineData(CommissionStatus.Published, CommissionStatus.Validated, false)]
    [InlineData(CommissionStatus.Published, CommissionStatus.Preparation, false)]
    public void TheStatus_MovesForwardOneStepAtATime(CommissionStatus from, CommissionStatus to, bool allowed) =>
        Assert.Equal(allowed, CommissionStatuses.CanMove(from, to));

    [Fact]
    public void Publish_BeforeValidation_IsRefused()
    {
        var session = FrozenWithSeats();

        Assert.Equal("commission-move-refused", Assert.Single(session.MarkPublished().Problems).Code);
        session.Validate(Guid.NewGuid(), At, "elue");
        Assert.True(session.MarkPublished().IsSuccess);
    }

    [Fact]
    public void AnOverride_NeedsAWrittenReason_AndAFrozenSession()
    {
        var application = ApplicationId.New();
        var facility = FacilityId.New();
        var preparing = Session();
        Assert.Equal("commission-not-frozen", Assert.Single(CommissionOverride.Create(preparing, OverrideKind.Exclude, application, facility, null, "Une raison suffisante", At, "elue").Problems).Code);

        var session = FrozenWithSeats();
        var blank = CommissionOverride.Create(session, OverrideKind.Exclude, application, facility, null, "  ", At, "elue");
        var tooShort = CommissionOverride.Create(session, OverrideKind.Exclude, application, facility, null, "urgence", At, "elue");
        var noSection = CommissionOverride.Create(session, OverrideKind.Force, application, facility, null, "Situation d’urgence signalée par la PMI", At, "elue");

        Assert.Equal(("commission-override-reason", "Reason"), (Assert.Single(blank.Problems).Code, blank.Problems[0].Field));
        Assert.Equal("commission-override-reason", Assert.Single(tooShort.Problems).Code);
        Assert.Equal("commission-override-section", Assert.Single(noSection.Problems).Code);
        Assert.Contains("procès-verbal", blank.Problems[0].Message);
    }
}
