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
}
