namespace Berceau.Domain.Observatory.Indicators;

/// <summary>The age of the child on the reference day, in whole years; <see cref="Unborn"/> when the child is not born yet.</summary>
public enum AgeBand { UnderOne, One, Two, ThreeAndOver, Unborn }

public static class AgeBands
{
    public static IReadOnlyList<AgeBand> All { get; } = Enum.GetValues<AgeBand>();

    /// <summary>The band on <paramref name="on"/>: from the birth date when born by then, else « à naître ».</summary>
    public static AgeBand Of(DateOnly? birth, DateOnly on)
    {
        if (birth is not { } born || born > on) return AgeBand.Unborn;
        var months = (on.Year - born.Year) * 12 + on.Month - born.Month - (on.Day < born.Day ? 1 : 0);
        return months switch
        {
            < 12 => AgeBand.UnderOne,
            < 24 => AgeBand.One,
            < 36 => AgeBand.Two,
            _ => AgeBand.ThreeAndOver,
        };
    }

    public static string Key(this AgeBand band) => band switch
    {
        AgeBand.UnderOne => "0",
        AgeBand.One => "1",
        AgeBand.Two => "2",
        AgeBand.ThreeAndOver => "3+",
        _ => "a-naitre",
    };

    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.UnderOne => "Moins d’un an",
        AgeBand.One => "1 an",
        AgeBand.Two => "2 ans",
        AgeBand.ThreeAndOver => "3 ans et plus",
        _ => "À naître",
    };
}
