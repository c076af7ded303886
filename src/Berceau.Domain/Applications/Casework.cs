namespace Berceau.Domain.Applications;

/// <summary>
/// An internal note of the guichet on an application (never shown to the family): what an agent needs the next agent
/// to know. Append-only, so two agents writing at once both keep their note.
/// </summary>
public sealed class ApplicationNote
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public ApplicationId ApplicationId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public required string Text { get; init; }
}

public enum ContactKind { PhoneCall, Email, Meeting, Letter }

public enum ContactOutcome { Reached, NoAnswer, MessageLeft, StillNeedsPlace, NoLongerNeedsPlace }

/// <summary>
/// One contact of the guichet with the family (the phone call before the commission, as in Metz, checks that the family
/// still needs the place): when, how, what came of it. Internal to the guichet, like notes.
/// </summary>
public sealed class ApplicationContact
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public ApplicationId ApplicationId { get; init; }
    public DateOnly On { get; init; }
    public ContactKind Kind { get; init; }
    public ContactOutcome Outcome { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string By { get; init; }
}

public static class Casework
{
    public static string Label(this ContactKind kind) => kind switch
    {
        ContactKind.PhoneCall => "Appel téléphonique",
        ContactKind.Email => "Courriel",
        ContactKind.Meeting => "Rendez-vous",
        ContactKind.Letter => "Courrier",
        _ => kind.ToString(),
    };

    public static string Label(this ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Reached => "Famille jointe",
        ContactOutcome.NoAnswer => "Pas de réponse",
        ContactOutcome.MessageLeft => "Message laissé",
        ContactOutcome.StillNeedsPlace => "La famille a toujours besoin d’une place",
        ContactOutcome.NoLongerNeedsPlace => "La famille n’a plus besoin de place",
        _ => outcome.ToString(),
    };
}

/// <summary>
/// One read of a family's file by staff (RULES §7: every access by an agent is logged). The family reads the date and
/// the role, never the person's account id; the guichet keeps the id for its own controls.
/// </summary>
public sealed class ApplicationAccess
{
    public long Id { get; init; }
    public ApplicationId ApplicationId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string UserId { get; init; }
    /// <summary>The role the person acted in (agent, admin…), as stored in Identity.</summary>
    public required string Role { get; init; }
    public ApplicationAccessKind Kind { get; init; }
}

public enum ApplicationAccessKind { FileViewed, ProofDownloaded, SummaryDownloaded }

public static class ApplicationAccessKinds
{
    public static string Label(this ApplicationAccessKind kind) => kind switch
    {
        ApplicationAccessKind.FileViewed => "Consultation du dossier",
        ApplicationAccessKind.ProofDownloaded => "Téléchargement d’une pièce justificative",
        ApplicationAccessKind.SummaryDownloaded => "Téléchargement du résumé de la demande (PDF)",
        _ => kind.ToString(),
    };
}
