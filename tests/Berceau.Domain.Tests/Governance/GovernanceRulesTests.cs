using Berceau.Domain.Governance;
using Berceau.Domain.Schema;

namespace Berceau.Domain.Tests.Governance;

public sealed class GovernanceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static MeetingSlot Slot(DateOnly? date = null, string? place = "Salle du conseil", string? link = null) =>
        new(date ?? Today.AddDays(7), new TimeOnly(14, 0), new TimeOnly(16, 0), place, link);

    private static GovernanceMeeting Meeting(DateOnly? date = null) =>
        // Scheduled on its own day (a meeting of the past was scheduled before it happened).
        GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(date ?? Today), ["Ouverture", "Bilan"], date ?? Today, Now).Value;

    [Fact]
    public void Scheduling_RefusesAPastDay_HoursInTheWrongOrder_AnHttpLink_NoPlace_AndNoAgenda()
    {
        var past = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(Today.AddDays(-1)), ["Point"], Today, Now);
        var hours = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot() with { EndsAt = new TimeOnly(13, 0) }, ["Point"], Today, Now);
        var http = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(link: "http://visio.example/x"), ["Point"], Today, Now);
        var nowhere = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(place: " ", link: null), ["Point"], Today, Now);
        var noAgenda = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(), [" ", ""], Today, Now);
        Assert.Equal("reunion-date", Assert.Single(past.Problems).Code);
        Assert.Equal("reunion-hours-order", Assert.Single(hours.Problems).Code);
        Assert.Equal("reunion-link-invalid", Assert.Single(http.Problems).Code);
        Assert.Equal("reunion-place-required", Assert.Single(nowhere.Problems).Code);
        Assert.Equal("gov-agenda-required", Assert.Single(noAgenda.Problems).Code);
    }

    [Fact]
    public void AMeetingTranscribedFromItsDocuments_IsHeld_InThePastOnly_WithNothingElseAssumed()
    {
        var held = GovernanceMeeting.Transcribe(Guid.NewGuid(), Slot(new DateOnly(2024, 3, 22)), ["Actualités nationales", "Prochaines échéances"], Today, Now).Value;
        Assert.Equal((GovernanceMeetingStatus.Held, new DateOnly(2024, 3, 22), 0), (held.Status, held.Date, held.Sequence));
        Assert.Equal(["Actualités nationales", "Prochaines échéances"], held.Agenda.OrderBy(a => a.Position).Select(a => a.Title));
        Assert.Empty(held.Attendance);
        Assert.Empty(held.Decisions);
        Assert.Null(held.Minutes);
        Assert.Equal(["gov-meeting-not-yet"], GovernanceMeeting.Transcribe(Guid.NewGuid(), Slot(Today.AddDays(1)), ["Point"], Today, Now).Problems.Select(p => p.Code));
        Assert.Equal(["reunion-place-required", "gov-agenda-required"],
            GovernanceMeeting.Transcribe(Guid.NewGuid(), Slot(new DateOnly(2024, 3, 22), place: null), [], Today, Now).Problems.Select(p => p.Code));
    }

    [Fact]
    public void TheAgenda_KeepsItsOrder_AndAVisioOnlyMeetingIsFine()
    {
        var meeting = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(place: null, link: "https://visio.example/cdsf"), ["  Bilan 2025 ", "Axe 2", "Questions diverses"], Today, Now).Value;
        Assert.Equal(["Bilan 2025", "Axe 2", "Questions diverses"], meeting.Agenda.OrderBy(a => a.Position).Select(a => a.Title));
        Assert.Equal((0, (int?)null, true), (meeting.Sequence, meeting.InvitedSequence, meeting.InvitationsOutdated));
    }

    [Fact]
    public void TheSequence_GrowsWhenTheDayHoursOrPlaceChange_NotForTheAgenda_AndAtCancellation()
    {
        var meeting = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(), ["Point"], Today, Now).Value;
        meeting.MarkInvited();
        Assert.False(meeting.InvitationsOutdated);
        Assert.True(meeting.Reschedule(Slot(), ["Point", "Autre point"], Today).IsSuccess);
        Assert.Equal(0, meeting.Sequence);
        Assert.True(meeting.Reschedule(Slot(place: "Autre salle"), ["Point"], Today).IsSuccess);
        Assert.Equal(1, meeting.Sequence);
        Assert.True(meeting.InvitationsOutdated);
        Assert.Equal("gov-cancel-reason", Assert.Single(meeting.Cancel("non").Problems).Code);
        Assert.True(meeting.Cancel("Quorum impossible à réunir").IsSuccess);
        Assert.Equal((2, GovernanceMeetingStatus.Cancelled), (meeting.Sequence, meeting.Status));
        Assert.Equal("gov-meeting-cancelled", Assert.Single(meeting.Reschedule(Slot(), ["Point"], Today).Problems).Code);
    }

    [Fact]
    public void Attendance_WaitsForTheDay_KnowsOnlyMembers_AndAPresentMemberIsNotRepresented()
    {
        var member = Guid.NewGuid();
        var later = GovernanceMeeting.Schedule(Guid.NewGuid(), Slot(Today.AddDays(1)), ["Point"], Today, Now).Value;
        Assert.Equal("gov-meeting-not-yet", Assert.Single(later.RecordAttendance([new(member, Presence.Present, null)], [member], null, Today).Problems).Code);

        var meeting = Meeting();
        Assert.Equal("unknown-value", Assert.Single(meeting.RecordAttendance([new(Guid.NewGuid(), Presence.Present, null)], [member], null, Today).Problems).Code);
        Assert.Equal("gov-represented-present", Assert.Single(meeting.RecordAttendance([new(member, Presence.Present, "Jean Martin")], [member], null, Today).Problems).Code);
        Assert.Equal(GovernanceMeetingStatus.Planned, meeting.Status);

        Assert.True(meeting.RecordAttendance([new(member, Presence.Excused, "Jean Martin")], [member], "Compte rendu.", Today).IsSuccess);
        Assert.True(meeting.RecordAttendance([new(member, Presence.Absent, null)], [member], "Compte rendu corrigé.", Today).IsSuccess);
        var line = Assert.Single(meeting.Attendance);
        Assert.Equal((Presence.Absent, (string?)null, "Compte rendu corrigé.", GovernanceMeetingStatus.Held), (line.Presence, line.RepresentedBy, meeting.Minutes, meeting.Status));
        Assert.Equal("gov-meeting-held", Assert.Single(meeting.Cancel("Trop tard pour annuler").Problems).Code);
    }

    [Fact]
    public void Decisions_AreNumberedInOrder_AndNeedText()
    {
        var meeting = Meeting();
        Assert.Equal("gov-decision-text", Assert.Single(meeting.Decide("ok", Today, Now, "u").Problems).Code);
        Assert.Equal(1, meeting.Decide("Lancer l’enquête auprès des familles", Today, Now, "u").Value.Number);
        Assert.Equal(2, meeting.Decide("Réunir le groupe de travail en mars", Today, Now, "u").Value.Number);
        Assert.Equal(GovernanceMeetingStatus.Held, meeting.Status);
    }

    [Fact]
    public void AFollowUp_NeedsAnOwnerAndADueDayNotBeforeTheMeeting_AndDefaultsToTheDecisionsText()
    {
        var meeting = Meeting();
        var decision = meeting.Decide("Recenser les places vacantes", Today, Now, "u").Value;
        var owner = PartnerOrganisationId.New();
        var missing = DecisionFollowUp.Create("93", meeting.BodyId, meeting.Id, decision, null, null, null, Today, null, Now);
        Assert.Equal(["gov-followup-owner", "gov-followup-due"], missing.Problems.Select(p => p.Code));
        var early = DecisionFollowUp.Create("93", meeting.BodyId, meeting.Id, decision, null, owner, Today.AddDays(-1), Today, null, Now);
        Assert.Equal("gov-followup-due-before", Assert.Single(early.Problems).Code);
        var action = DecisionFollowUp.Create("93", meeting.BodyId, meeting.Id, decision, " ", owner, Today, Today, null, Now).Value;
        Assert.Equal(("Recenser les places vacantes", FollowUpStatus.ToDo, 0), (action.Title, action.Status, action.Version));
    }

    [Fact]
    public void AFollowUp_IsLateWhenNotDoneAfterItsDay_AndTheTableShowsLateOnesFirst()
    {
        var meeting = Meeting(Today.AddDays(-30));
        var decision = meeting.Decide("Décision de test", Today, Now, "u").Value;
        DecisionFollowUp Action(string title, int dueIn) =>
            DecisionFollowUp.Create("93", meeting.BodyId, meeting.Id, decision, title, PartnerOrganisationId.New(), Today.AddDays(dueIn), Today.AddDays(-30), null, Now).Value;
        var lateOld = Action("En retard depuis longtemps", -20);
        var late = Action("En retard", -1);
        var dueToday = Action("Pour aujourd’hui", 0);
        var later = Action("Plus tard", 10);
        var done = Action("Faite en retard", -25);
        Assert.Equal("gov-followup-status", Assert.Single(done.Report(null, null, Now, "u").Problems).Code);
        Assert.Equal("too-long", Assert.Single(done.Report(FollowUpStatus.Done, new string('x', 1001), Now, "u").Problems).Code);
        Assert.True(done.Report(FollowUpStatus.Done, "Livrée", Now, "u").IsSuccess);
        Assert.Equal((1, "Livrée"), (done.Version, done.Comment));

        Assert.Equal((true, true, false, false, false), (lateOld.IsOverdue(Today), late.IsOverdue(Today), dueToday.IsOverdue(Today), later.IsOverdue(Today), done.IsOverdue(Today)));
        var order = DecisionFollowUp.InTableOrder([later, done, dueToday, late, lateOld], a => a, Today).Select(a => a.Title);
        Assert.Equal(["En retard depuis longtemps", "En retard", "Pour aujourd’hui", "Plus tard", "Faite en retard"], order);
    }

    [Fact]
    public void Members_AreOrganisationsWithARole_NeverTheSameSeatTwice()
    {
        var body = GovernanceBody.Create("93", GovernanceKind.WorkingGroup, "Groupe de travail handicap", null, [], Now).Value;
        var caf = PartnerOrganisationId.New();
        Assert.Equal(["schema-organisation-choose", "gov-role"], body.AddMember(null, null, null, null, null).Problems.Select(p => p.Code));
        Assert.Equal("email-invalid", Assert.Single(body.AddMember(caf, MemberRole.Member, null, "marie@caf", null).Problems).Code);
        Assert.True(body.AddMember(caf, MemberRole.Chair, "Marie Curie", "marie@caf.fr", null).IsSuccess);
        Assert.Equal("gov-member-already", Assert.Single(body.AddMember(caf, MemberRole.Member, "marie curie", "MARIE@caf.fr", null).Problems).Code);
        Assert.True(body.AddMember(caf, MemberRole.Member, "Paul Suppléant", "paul@caf.fr", null).IsSuccess);
        Assert.True(body.HasMemberAmong([caf]));
        Assert.False(body.HasMemberAmong([PartnerOrganisationId.New()]));
        Assert.Equal("gov-kind", Assert.Single(GovernanceBody.Create("93", null, "Sans type", null, [], Now).Problems).Code);
    }
}
