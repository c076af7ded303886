using Berceau.Domain.Applications;

namespace Berceau.Web.Features.Applications;

/// <summary>The audit vocabulary of applications: one action per verb, the entity named by its id.</summary>
public static class ApplicationAudit
{
    public const string EntityType = "demande";
    public const string Created = "demande-creee";
    public const string Updated = "demande-modifiee";
    public const string StatusChanged = "demande-statut";
    public const string WishesChanged = "demande-voeux";
    public const string Confirmed = "demande-confirmee";
    public const string ProofAdded = "piece-ajoutee";
    public const string ProofDownloaded = "piece-telechargee";
    public const string Exported = "demande-exportee";

    public static string Describe(StatusChange change) =>
        $"{change.From.Label()} → {change.To.Label()}" + (change.Reason is null ? "" : " : " + change.Reason);
}
