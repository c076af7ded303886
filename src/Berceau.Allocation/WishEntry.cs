namespace Berceau.Allocation;

/// <summary>
/// A wish as the solver reads it: the application's score at the wished structure and the section that takes the child's age
/// there (<see cref="NotEligible"/> when none does), or the marker that ends an application's wishes.
/// </summary>
internal readonly record struct WishEntry(int Score, int Section)
{
    public const int NotEligible = -1;
    public const int End = -2;

    public static readonly WishEntry EndOfWishes = new(0, End);

    public bool IsEnd => Section == End;
}
