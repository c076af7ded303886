using Berceau.Domain.Applications;

namespace Berceau.Web.Features.Applications;

/// <summary>The audit vocabulary of applications: one action per verb, the entity named by its id.</summary>
public static class ApplicationAudit
{
    public const string EntityType = "Application";
    public const string Created = "création";
    public const string Updated = "modification";
    public const string StatusChanged = "changement de statut";
    public const string WishesChanged = "modification des vœux";
    /// <summary>The guichet corrected the grid's answers; the details keep the answers before and after, and the reason.</summary>
    public const string GridCorrected = "correction des réponses à la grille";
    public const string SocialMinimumCorrected = "correction du minimum social";
    public const string Confirmed = "confirmation";
    /// <summary>The confirmation job warned the family that the application will lapse.</summary>
    public const string Warned = "avertissement de caducité";
    public const string ProofAdded = "ajout d’une pièce justificative";
    public const string ProofDownloaded = "téléchargement d’une pièce justificative";
    public const string Exported = "export des données";
    /// <summary>The details of an export line when it was the PDF summary (the JSON export has none).</summary>
    public const string SummaryFormat = "résumé PDF";
    public const string ProofValidated = "pièce justificative acceptée";
    public const string ProofRejected = "pièce justificative refusée";
    public const string NoteAdded = "note interne";
    public const string ContactAdded = "contact avec la famille";
    public const string Read = "consultation du dossier";
    public const string AttachCodeIssued = "code de rattachement remis";
    public const string FamilyAttached = "rattachement au compte de la famille";
    public const string ErasureRequested = "demande d’effacement";
    public const string Erased = "effacement des données";
    public const string ErasureRefused = "effacement refusé";

    public static string Describe(StatusChange change) =>
        $"{change.From.Label()} → {change.To.Label()}" + (change.Reason is null ? "" : " : " + change.Reason);
}
