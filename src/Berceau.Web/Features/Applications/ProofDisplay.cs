using Berceau.Domain.Applications;

namespace Berceau.Web.Features.Applications;

/// <summary>How the guichet's check of a proof reads, on the family's page and the agent's.</summary>
public static class ProofDisplay
{
    public static string? Review(ProofReview review) => review switch
    {
        ProofReview.Validated => "acceptée par le guichet",
        ProofReview.Rejected => "refusée par le guichet",
        _ => null,
    };
}
