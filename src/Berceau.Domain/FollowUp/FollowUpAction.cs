namespace Berceau.Domain.FollowUp;

/// <summary>What a line of the case's log records.</summary>
public enum FollowUpActionKind { Opened, Call, Appointment, ProposalSent, SolutionFound, Closed, Reopened }

/// <summary>What the guichet plans to do next on a case.</summary>
public enum FollowUpStep { Call, Appointment, SendProposal }

/// <summary>
/// How a case ends: the first five are solutions (the indicator counts them), the last two are not. A fixed list, so the
/// indicator means the same thing in every commune.
/// </summary>
public enum FollowUpOutcome { CrechePlace, Childminder, Mam, OccasionalCare, OtherSolution, FamilyWithdrew, Unreachable }

/// <summary>One line of a case's log: what, on which day, who wrote it and when, a note; the outcome for a closing.</summary>
public sealed class FollowUpAction
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public FollowUpCaseId CaseId { get; init; }
    public FollowUpActionKind Kind { get; init; }
    /// <summary>The day it happened (the agent may record yesterday's call today).</summary>
    public DateOnly On { get; init; }
    /// <summary>When it was recorded.</summary>
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public string? Note { get; init; }
    public FollowUpOutcome? Outcome { get; init; }
}

public static class FollowUpLabels
{
    public static string Label(this FollowUpActionKind kind) => kind switch
    {
        FollowUpActionKind.Opened => "Suivi ouvert",
        FollowUpActionKind.Call => "Appel téléphonique",
        FollowUpActionKind.Appointment => "Rendez-vous",
        FollowUpActionKind.ProposalSent => "Solutions envoyées à la famille",
        FollowUpActionKind.SolutionFound => "Solution trouvée",
        FollowUpActionKind.Closed => "Suivi clos",
        FollowUpActionKind.Reopened => "Suivi rouvert",
        _ => kind.ToString(),
    };

    public static string Label(this FollowUpStep step) => step switch
    {
        FollowUpStep.Call => "Appeler la famille",
        FollowUpStep.Appointment => "Recevoir la famille en rendez-vous",
        FollowUpStep.SendProposal => "Envoyer les solutions à la famille",
        _ => step.ToString(),
    };

    /// <summary>The action that does what the step planned.</summary>
    public static FollowUpActionKind DoneBy(this FollowUpStep step) => step switch
    {
        FollowUpStep.Call => FollowUpActionKind.Call,
        FollowUpStep.Appointment => FollowUpActionKind.Appointment,
        _ => FollowUpActionKind.ProposalSent,
    };

    public static string Label(this FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.CrechePlace => "Place en crèche",
        FollowUpOutcome.Childminder => "Assistant·e maternel·le",
        FollowUpOutcome.Mam => "Maison d’assistants maternels (MAM)",
        FollowUpOutcome.OccasionalCare => "Accueil occasionnel",
        FollowUpOutcome.OtherSolution => "Autre solution",
        FollowUpOutcome.FamilyWithdrew => "La famille a renoncé",
        FollowUpOutcome.Unreachable => "Famille injoignable",
        _ => outcome.ToString(),
    };

    public static bool IsSolution(this FollowUpOutcome outcome) => outcome is not (FollowUpOutcome.FamilyWithdrew or FollowUpOutcome.Unreachable);

    public static string Label(this FollowUpOrigin origin) => origin switch
    {
        FollowUpOrigin.Commission => "Commission",
        FollowUpOrigin.Agent => "Guichet",
        _ => origin.ToString(),
    };

    public static string Label(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "Ouvert",
        FollowUpStatus.Closed => "Clos",
        _ => status.ToString(),
    };
}
