namespace Berceau.Domain.Fees;

/// <summary>Rounding of amounts, applied once, to the final figures only.</summary>
public static class Money
{
    /// <summary>Rounds to the cent, half away from zero (1.855 → 1.86, −1.855 → −1.86).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds up to the next cent (0.121 → 0.13).</summary>
    public static decimal RoundUp(decimal amount) => Math.Ceiling(amount * 100m) / 100m;
}
