using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Tests.Applications;

/// <summary>The family's answer « a member of the household receives a minimum social » (RSA, AAH, ASS…): kept, proved, erased.</summary>
public class SocialMinimumTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly FacilityId Creche = FacilityId.New();

    private static Application Draft(bool socialMinimum)
    {
        var application = new Application { Reference = "DEM-93046-2026-000001", CommuneCode = "93046", FamilyUserId = "famille-1", CreatedAt = Now };
        var request = new ApplicationRequest
        {
            Child = new ChildInput("Inès", "Martin", new DateOnly(2026, 6, 1), null),
            Guardians = [new GuardianInput("Awa", "Martin", GuardianSituation.Other)],
            ReceivesSocialMinimum = socialMinimum, CafNumber = "1234567",
            DesiredStart = new DateOnly(2027, 1, 4), Days = WeekDays.Weekdays, From = new TimeOnly(8, 30), To = new TimeOnly(17, 30),
            Wishes = [new WishInput(Creche)],
        };
        Assert.True(application.Fill(request, new ApplicationAddress("1 rue A", "93190", null), consent: true, Now).IsSuccess);
        return application;
    }

    [Fact]
    public void TheAnswer_IsKept_AndAsksForItsAttestation_OnlyWhenGiven()
    {
        var yes = Draft(socialMinimum: true);
        var no = Draft(socialMinimum: false);

        Assert.True(yes.ReceivesSocialMinimum);
        Assert.True(yes.ToRequest().ReceivesSocialMinimum);
        Assert.Equal([ProofKind.Address, ProofKind.BirthOrPregnancy, ProofKind.SocialMinimum], Proofs.Required(yes));
        Assert.Equal([ProofKind.Address, ProofKind.BirthOrPregnancy], Proofs.Required(no));
        Assert.Contains("RSA, AAH, ASS", ProofKind.SocialMinimum.Label());
    }

    [Fact]
    public void Erasure_ForgetsIt_WithTheRestOfTheHousehold()
    {
        var application = Draft(socialMinimum: true);

        Assert.True(application.Erase(Now.AddDays(1), "agent").IsSuccess);

        Assert.False(application.ReceivesSocialMinimum);
    }
}
