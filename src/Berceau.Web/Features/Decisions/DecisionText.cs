using Berceau.Web.Features.Commission;
using Berceau.Web.Features.Offer.Staff;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// The sentences families read about a commission's decision (status reason, decision page, letter, e-mail), in plain French,
/// built from the engine's explanation: « À la crèche Les Lilas, votre score était de 22 ; la dernière famille admise avait 31 ;
/// vous êtes 4e sur sa liste d’attente. »
/// </summary>
public static class DecisionText
{
    /// <summary>« la crèche Les Lilas », or « la crèche des Lilas » when the name already says it is a crèche.</summary>
    public static string Creche(string name) =>
        name.StartsWith("crèche", StringComparison.OrdinalIgnoreCase) ? "la c" + name[1..] : "la crèche " + name;

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    public static string Offer(string facility, string section, DateOnly availableOn, DateOnly deadline) =>
        $"Une place vous est proposée à {Creche(facility)}, section « {section} », à partir du {OfferDisplay.Date(availableOn)}. "
        + $"Répondez au plus tard le {OfferDisplay.Date(deadline)} dans votre espace famille ; sans réponse, la place sera proposée à une autre famille.";

    /// <summary>One sentence per wish of an application left without a seat, in the family's order of preference.</summary>
    public static IReadOnlyList<string> Waitlist(RunView run, string application, Func<string, string> structureName)
    {
        if (run.WasExcludedEverywhere(application)) return ["La commission a écarté votre demande de toutes les crèches demandées."];
        if (!run.Explanations.TryGetValue(application, out var lines) || lines.Count == 0)
            return ["Aucune des crèches que vous avez demandées n’était examinée par cette commission."];
        var sentences = lines.Select(l => Capital(At(structureName(l.Structure))) + ", " + l.Outcome switch
        {
            // A last admitted below the family's score can only have entered on a reserved seat (allocation.md § 5): say so.
            "full" when l.CutoffScore is { } cutoff && l.YourScore > cutoff =>
                $"votre score était de {l.YourScore} ; la dernière famille admise avait {cutoff}, sur une place réservée par la loi ; "
                + $"les autres places sont allées à des familles mieux classées que vous ; vous êtes {RunView.Ordinal(l.WaitlistPosition ?? 1)} sur sa liste d’attente.",
            "full" when l.CutoffScore is { } cutoff =>
                $"votre score était de {l.YourScore} ; la dernière famille admise avait {cutoff} ; vous êtes {RunView.Ordinal(l.WaitlistPosition ?? 1)} sur sa liste d’attente.",
            "full" => $"aucune place n’était à attribuer pour l’âge de votre enfant ; vous êtes {RunView.Ordinal(l.WaitlistPosition ?? 1)} sur sa liste d’attente.",
            "not-eligible-age" => "l’âge de votre enfant à la date d’entrée ne correspond à aucune section.",
            _ => "votre demande n’a pas été examinée.",
        }).ToList();
        sentences.AddRange(run.Overrides.Where(o => o.Kind == Domain.Commission.OverrideKind.Exclude && o.Application == application)
            .Select(o => $"La commission a écarté votre demande pour {Creche(structureName(InstanceSnapshot.StructureId(new(o.Facility))))}."));
        return sentences;
    }

    /// <summary>Why the family had this seat before others: it was one of the seats the law reserves for families like hers.</summary>
    public static string ViaReserve(string category) => category switch
    {
        CommissionReserves.PovertyCategory => "Cette place fait partie des places que chaque crèche réserve aux familles qui touchent un minimum social "
            + "(au moins une place sur vingt, article D214-7 du code de l’action sociale et des familles).",
        CommissionReserves.InsertionCategory => "Cette place fait partie des places que cette crèche à vocation d’insertion professionnelle (AVIP) "
            + "réserve aux parents en insertion ou en recherche d’emploi (au moins 20 % des places).",
        _ => "Cette place fait partie des places réservées.",
    };

    /// <summary>The reason written on the move to « liste d’attente »: what the family reads in its timeline and e-mail.</summary>
    public static string WaitlistReason(IReadOnlyList<string> sentences) =>
        "La commission n’a pas pu vous proposer de place. " + string.Join(" ", sentences);

    /// <summary>Before the offer of a seat at a wish ranked higher than the place the family accepted.</summary>
    public static string BetterWish(string heldFacility) =>
        $"Une place s’est libérée dans une crèche que vous aviez mieux classée. Vous gardez votre place à {Creche(heldFacility)} "
        + "si vous refusez celle-ci ou ne répondez pas ; si vous l’acceptez, votre place actuelle sera proposée à une autre famille.";

    public static string Expired(DateOnly deadline) =>
        $"Sans réponse au {OfferDisplay.Date(deadline)}, la proposition a expiré et la place a été libérée pour une autre famille.";

    private static string At(string facility) => "à " + Creche(facility);
}
