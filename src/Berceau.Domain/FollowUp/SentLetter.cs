namespace Berceau.Domain.FollowUp;

/// <summary>How the « solutions » letter reached the family.</summary>
public enum LetterChannel { Email, Print }

/// <summary>
/// A « solutions » letter as it was sent: when, how, by whom and its very words. The letter on screen is rebuilt from today's
/// availabilities; this copy is what the family actually read, so the guichet can answer « what did you send me? ».
/// Deleted with its case (and the case with its application), and when the family's data are erased.
/// </summary>
public sealed class SentLetter
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required FollowUpCaseId CaseId { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public required LetterChannel Channel { get; init; }
    /// <summary>The agent's user id (as the case's log keeps it).</summary>
    public required string SentBy { get; init; }
    /// <summary>The e-mail address for an e-mail; null for a printed letter.</summary>
    public string? To { get; init; }
    /// <summary>The section headings, for the list on the case.</summary>
    public required string Sections { get; init; }
    /// <summary>The letter's text as sent (the e-mail's body; the printed letter's words).</summary>
    public required string Content { get; init; }
}

public static class LetterChannels
{
    public static string Label(this LetterChannel channel) => channel == LetterChannel.Email ? "E-mail et espace de la famille" : "Courrier imprimé";
}
