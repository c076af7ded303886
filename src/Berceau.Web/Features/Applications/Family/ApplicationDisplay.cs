using Berceau.Domain.Applications;
using Berceau.Web.Features.Offer.Staff;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>One line of the family's timeline.</summary>
public sealed record TimelineItem(DateTimeOffset At, string Title, string Who, string? Reason);

/// <summary>How the family pages say an application's state in plain French.</summary>
public static class ApplicationDisplay
{
    public static string TagColour(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "grey",
        ApplicationStatus.Incomplete => "orange",
        ApplicationStatus.Complete or ApplicationStatus.Submitted => "blue",
        ApplicationStatus.InCommittee => "purple",
        ApplicationStatus.Offered or ApplicationStatus.Accepted or ApplicationStatus.Admitted => "green",
        ApplicationStatus.Waitlisted => "yellow",
        ApplicationStatus.Declined or ApplicationStatus.Lapsed or ApplicationStatus.Cancelled => "red",
        _ => "grey",
    };

    /// <summary>What the family should do or expect next.</summary>
    public static string NextStep(ApplicationStatus status, DateOnly? confirmationDue) => status switch
    {
        ApplicationStatus.Draft => "Complétez votre demande puis déposez-la : tant qu’elle est en brouillon, le guichet ne la voit pas.",
        ApplicationStatus.Submitted => "Le guichet va vérifier votre demande et vos pièces justificatives." + Confirm(confirmationDue),
        ApplicationStatus.Incomplete => "Il manque des informations ou des pièces : ajoutez-les pour que votre demande passe en commission." + Confirm(confirmationDue),
        ApplicationStatus.Complete => "Votre demande est complète : elle sera étudiée à la prochaine commission d’attribution." + Confirm(confirmationDue),
        ApplicationStatus.InCommittee => "Votre demande est étudiée par la commission d’attribution : vous serez informé de sa décision.",
        ApplicationStatus.Offered => "Une place vous est proposée : répondez dans le délai indiqué par le guichet.",
        ApplicationStatus.Accepted => "Vous avez accepté la place : la structure va vous contacter pour l’admission.",
        ApplicationStatus.Declined => "Vous avez refusé la place proposée.",
        ApplicationStatus.Admitted => "Votre enfant est admis : aucune autre démarche n’est nécessaire ici.",
        ApplicationStatus.Waitlisted => "Votre demande est sur liste d’attente : elle sera réexaminée à chaque commission." + Confirm(confirmationDue),
        ApplicationStatus.Lapsed => "Votre demande est caduque, faute de confirmation : vous pouvez faire une nouvelle demande.",
        ApplicationStatus.Cancelled => "Votre demande est annulée.",
        _ => "",
    };

    private static string Confirm(DateOnly? due) =>
        due is { } d ? $" Pensez à confirmer votre demande à partir du {OfferDisplay.Date(d)}." : "";

    public static string ChildName(string? first, string? last) =>
        string.Join(" ", new[] { first, last }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name ? name : "Enfant sans nom";

    /// <summary>Every event, newest first: status changes and what happened besides (confirmations, wishes, proofs).</summary>
    /// <summary>Who did it, as the family reads it: never an agent's account id.</summary>
    public static string Who(string by, string familyUserId) => by == familyUserId ? "Vous" : "Le guichet";

    public static IReadOnlyList<TimelineItem> Timeline(Application a, string familyUserId)
    {
        string Who(string by) => ApplicationDisplay.Who(by, familyUserId);
        var items = a.StatusChanges.Select(c => new TimelineItem(c.At, c.From == ApplicationStatus.Draft && c.To == ApplicationStatus.Submitted
                ? "Demande déposée" : $"Statut « {c.To.Label()} »", Who(c.By), c.Reason))
            .Concat(a.Events.Select(e => new TimelineItem(e.At, e.Label, Who(e.By), null)))
            .Append(new TimelineItem(a.CreatedAt, "Demande créée", Who(a.CreatedBy ?? a.FamilyUserId ?? ""), null));
        return [.. items.OrderByDescending(i => i.At)];
    }
}
