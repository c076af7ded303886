using Berceau.Domain.Common;

namespace Berceau.Domain.Applications;

/// <summary>
/// What a commune decides for its own guichet unique. A commune that never changed anything has no row and gets
/// <see cref="Default"/>: up to <see cref="WishChoices.DefaultMaxWishes"/> ranked wishes.
/// </summary>
public sealed class GuichetSettings
{
    /// <summary>At least one crèche to rank; more than 20 would no longer be a ranking a commission can read.</summary>
    public const int MinWishesLimit = 1;
    public const int MaxWishesLimit = 20;

    public required string CommuneCode { get; init; }

    /// <summary>How many ranked wishes a family may give (the sector wish counts as one).</summary>
    public int MaxWishes { get; private set; } = WishChoices.DefaultMaxWishes;

    /// <summary>
    /// What becomes of an application whose family refuses a commission's offer or lets it expire (the commune's règlement
    /// de fonctionnement). Back on the waiting list unless the commune decided otherwise: RULES §5, « zéro sans solution ».
    /// </summary>
    public DeclinedOfferRule AfterDeclinedOffer { get; private set; } = DeclinedOfferRule.KeepOnWaitlist;

    public static GuichetSettings Default(string communeCode) => new() { CommuneCode = communeCode };

    /// <summary>
    /// Changes the limit for applications filed or re-ranked from now on; wishes already given stay as they are, even
    /// beyond a lowered limit (the family is asked to choose only when it changes its wishes).
    /// </summary>
    public Outcome<bool> ChangeMaxWishes(int maxWishes)
    {
        if (maxWishes is < MinWishesLimit or > MaxWishesLimit)
            return Problem.Of("guichet-max-wishes-range", nameof(MaxWishes), MinWishesLimit, MaxWishesLimit);
        var changed = maxWishes != MaxWishes;
        MaxWishes = maxWishes;
        return changed;
    }

    /// <summary>Changes the rule for offers refused or expired from now on; true when it changed.</summary>
    public bool ChangeAfterDeclinedOffer(DeclinedOfferRule rule)
    {
        var changed = rule != AfterDeclinedOffer;
        AfterDeclinedOffer = rule;
        return changed;
    }
}

/// <summary>The commune's rule for a refused or expired offer (see <see cref="GuichetSettings.AfterDeclinedOffer"/>).</summary>
/// <remarks>Stored by name in 16 characters at most.</remarks>
public enum DeclinedOfferRule
{
    /// <summary>
    /// The application goes back on the waiting list: after a refusal, for the family's other wishes in the same session (a
    /// seat released there may still come); after no answer, for the next commission only. Both are in the next freeze.
    /// </summary>
    KeepOnWaitlist,
    /// <summary>A refusal ends the application (« refusée », the guichet may put it back with a reason); no answer lapses it.</summary>
    EndApplication,
}

public static class DeclinedOfferRules
{
    public static string Label(this DeclinedOfferRule rule) => rule switch
    {
        DeclinedOfferRule.KeepOnWaitlist => "La demande reste sur la liste d’attente",
        DeclinedOfferRule.EndApplication => "La demande prend fin (refusée, ou caduque sans réponse)",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
