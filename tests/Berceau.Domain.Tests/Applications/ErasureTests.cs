using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Applications;

/// <summary>The right to erasure in the domain: what goes, what stays, and when the application refuses.</summary>
public class ErasureTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly FacilityId Creche = FacilityId.New();

    private static Application Submitted()
    {
        var application = new Application { Reference = "DEM-93048-2026-000001", CommuneCode = "93048", FamilyUserId = "famille-1", CreatedAt = Now };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Inès", "Martin", new DateOnly(2026, 6, 1), null),
            Guardians = [new GuardianInput("Awa", "Martin", GuardianSituation.Employed), new GuardianInput("Paul", "Martin", GuardianSituation.Training)],
            DisabledMemberInHousehold = true,
            AnnualResources = 32000,
            CafNumber = "1234567",
            DesiredStart = new DateOnly(2027, 1, 18),
            Days = WeekDays.Weekdays,
            From = new TimeOnly(8, 30),
            To = new TimeOnly(17, 30),
            Wishes = [new WishInput(Creche)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue A", "93100", null), true, Now).IsSuccess);
        Assert.True(application.Submit(new WishChoices(new HashSet<FacilityId> { Creche }, null), Today, Now, "famille-1").IsSuccess);
        Assert.True(application.Move(ApplicationStatus.Incomplete, Now, "agent-1", "Il manque l’avis d’imposition de M. Martin.").IsSuccess);
        return application;
    }

    [Fact]
    public void Erase_CancelsAWaitingApplication_ClearsWhatNamesTheFamily_AndKeepsTheRest()
    {
        var application = Submitted();
        var version = application.Version;

        var outcome = application.Erase(Now.AddHours(1), "agent-1");

        Assert.True(outcome.IsSuccess);
        Assert.Equal(ApplicationStatus.Cancelled, application.Status);
        Assert.Equal(Now.AddHours(1), application.ErasedAt);
        Assert.Equal((null, null, null, null, null), (application.ChildFirstName, application.ChildLastName, application.ChildBirthDate, application.Street, application.PostalCode));
        Assert.Equal((false, null, null), (application.DisabledMemberInHousehold, application.AnnualResources, application.CafNumber));
        Assert.All(application.Guardians, g => Assert.Equal((null, null), (g.FirstName, g.LastName)));
        Assert.Equal([GuardianSituation.Employed, GuardianSituation.Training], application.Guardians.Select(g => g.Situation));
        Assert.Equal(new DateOnly(2027, 1, 1), application.DesiredStart);
        Assert.Equal(Creche, application.RankedWishes.Single().FacilityId);
        Assert.DoesNotContain(application.StatusChanges, c => c.Reason?.Contains("Martin", StringComparison.Ordinal) == true);
        Assert.Equal(Application.ErasedReason, application.StatusChanges[^1].Reason);
        Assert.Equal(3, application.StatusChanges.Count);
        Assert.True(application.Version > version);
    }

    [Theory]
    [InlineData(ApplicationStatus.InCommittee)]
    [InlineData(ApplicationStatus.Offered)]
    [InlineData(ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.Admitted)]
    public void Erase_WhileAPlaceIsInPlay_IsRefused_AndNothingChanges(ApplicationStatus status)
    {
        var application = Submitted();
        ApplicationStatus[] path = [ApplicationStatus.Complete, ApplicationStatus.InCommittee, ApplicationStatus.Offered, ApplicationStatus.Accepted, ApplicationStatus.Admitted];
        foreach (var to in path.Take(Array.IndexOf(path, status) + 1)) Assert.True(application.Move(to, Now, "agent-1").IsSuccess);
        var version = application.Version;

        var outcome = application.Erase(Now, "agent-1");

        Assert.Equal("erasure-place-held", Assert.Single(outcome.Problems).Code);
        Assert.Equal((status, "Inès", version, (DateTimeOffset?)null), (application.Status, application.ChildFirstName, application.Version, application.ErasedAt));
    }

    [Fact]
    public void AnErasedApplication_NeverMovesAgain_NorTakesProofs()
    {
        var application = Submitted();
        application.Erase(Now, "agent-1");

        Assert.Equal("erasure-already-done", Assert.Single(application.Erase(Now, "agent-1").Problems).Code);
        Assert.Equal("erasure-already-done", Assert.Single(application.AddProof(ProofKind.Address, Now, "famille-1").Problems).Code);
        Assert.Equal("erasure-already-done", Assert.Single(application.Move(ApplicationStatus.Complete, Now, "agent-1").Problems).Code);
    }

    [Fact]
    public void ARequest_IsOnePerApplication_AndAnsweredOnce_ARefusalWithAReason()
    {
        var application = Submitted();
        Assert.Equal("erasure-already-requested", Assert.Single(ErasureRequest.Make(application, alreadyPending: true, null, Now, "famille-1").Problems).Code);
        var request = ErasureRequest.Make(application, alreadyPending: false, "  ", Now, "famille-1").Value;
        Assert.Null(request.Reason);

        Assert.Equal("erasure-refusal-reason", Assert.Single(request.Refuse(" ", Now, "agent-1").Problems).Code);
        Assert.Equal(ErasureState.Pending, request.State);
        Assert.True(request.Refuse("Recours en cours.", Now, "agent-1").IsSuccess);
        Assert.Equal("erasure-already-handled", Assert.Single(request.MarkErased(Now, "agent-1").Problems).Code);
        Assert.Equal((ErasureState.Refused, "Recours en cours."), (request.State, request.Response));
    }
}
