using Berceau.Domain.Applications;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Domain.Tests.Applications;

/// <summary>The guichet's verbs on an application: proof reviews, attaching a counter application, the attach code.</summary>
public class CaseworkTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Application Counter() => new() { Reference = "DEM-93048-2026-000001", CommuneCode = "93048", CreatedBy = "agent" };

    private static ApplicationDocument Proof(Application application) => new()
    {
        ApplicationId = application.Id, Kind = ProofKind.Address, FileName = "a.pdf", ContentType = "application/pdf", Content = [1], UploadedBy = "famille",
    };

    [Fact]
    public void RejectProof_WithoutReason_IsRefused_AndNothingChanges()
    {
        var application = Counter();
        var proof = Proof(application);

        var outcome = application.ReviewProof(proof, valid: false, "  ", At, "agent");

        Assert.Equal("proof-reject-reason", Assert.Single(outcome.Problems).Code);
        Assert.Equal((ProofReview.Pending, 0), (proof.Review, application.Version));
    }

    [Fact]
    public void RejectProof_KeepsTheReason_CountsAsMissing_AndIsOnTheTimeline()
    {
        var application = Counter();
        var proof = Proof(application);

        Assert.True(application.ReviewProof(proof, valid: false, "Plus de 3 mois", At, "agent").IsSuccess);

        Assert.Equal((ProofReview.Rejected, "Plus de 3 mois"), (proof.Review, proof.RejectionReason));
        Assert.Equal(1, application.Version);
        Assert.Equal(ApplicationEventKind.ProofRejected, Assert.Single(application.Events).Kind);
        Assert.Contains(ProofKind.Address, Proofs.Missing(application, []));
    }

    [Fact]
    public void AttachFamily_OnceOnly()
    {
        var application = Counter();

        Assert.True(application.AttachFamily("famille-a", At).IsSuccess);
        var second = application.AttachFamily("famille-b", At);

        Assert.Equal("famille-a", application.FamilyUserId);
        Assert.Equal("attach-code-used", Assert.Single(second.Problems).Code);
    }

    [Fact]
    public void AttachCode_IsLongRandom_HashedAtRest_AndReadAsTyped()
    {
        var (code, stored) = AttachCode.Issue(ApplicationId.New(), At, "agent");
        var (other, _) = AttachCode.Issue(ApplicationId.New(), At, "agent");

        Assert.Matches("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$", code);
        Assert.NotEqual(code, other);
        Assert.DoesNotContain(code.Replace("-", ""), stored.Hash);
        Assert.Equal(stored.Hash, AttachCode.HashOf(AttachCode.Normalise(" " + code.ToLowerInvariant().Replace('-', ' ') + " ")!));
        Assert.Null(AttachCode.Normalise("ABCD-EFGH-IJKL-MNO0"));  // I, L, O and 0 are never drawn
    }

    [Fact]
    public void AttachCode_WorksUntilItExpires_IsUsedOrRevoked()
    {
        var (_, stored) = AttachCode.Issue(ApplicationId.New(), At, "agent");

        Assert.True(stored.IsUsable(At.AddDays(AttachCode.ValidDays).AddMinutes(-1)));
        Assert.False(stored.IsUsable(At.AddDays(AttachCode.ValidDays)));
        stored.Revoke(At);
        Assert.False(stored.IsUsable(At));
    }
}
