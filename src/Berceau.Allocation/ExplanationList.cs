using System.Collections;

namespace Berceau.Allocation;

/// <summary>
/// The explanations of a result, in application id order, each built when read from the compact arrays the solver leaves behind
/// (about 20 bytes a wish instead of an object per wish): at national scale (6 million wishes) this keeps the result small and the
/// solve fast, and the JSON writer or a screen showing one family reads them one at a time. Immutable, so safe across threads.
/// </summary>
internal sealed class ExplanationList(IndexedInstance index, int[] current, int?[] cutoffScore, Waitlists waitlists)
    : IReadOnlyList<Explanation>
{
    public int Count => index.Applications;

    public Explanation this[int position]
    {
        get
        {
            var spot = Locate(position);
            var lines = new WishExplanation[spot.Count];
            for (var k = 0; k < lines.Length; k++) lines[k] = Line(spot, k, out _);
            return new Explanation(ApplicationAt(position), lines);
        }
    }

    public string ApplicationAt(int position) => index.IdAt(position);
    public ReadOnlySpan<byte> ApplicationUtf8At(int position) => index.IdUtf8At(position);

    private int[]? _byWish;

    /// <summary>Before reading every line (a writer): waitlist positions are then read, not searched.</summary>
    public void PrepareToReadAll() => _byWish ??= waitlists.ByWish(index);

    /// <summary>Where the lines of the application at this position are: found once, then read wish by wish.</summary>
    public LineSpot Locate(int position)
    {
        var i = index.ById[position];
        var r = index.RankOfApp[i];
        var w = index.WishStart[r];
        return new(index.Table.WishStart[i], w, index.WishStart[r + 1] - w - 1, current[r], r);  // less the end marker
    }

    /// <summary>Wish k of the application <paramref name="spot"/> locates, with the number of its structure's name in <see cref="Names"/>.</summary>
    public WishExplanation Line(in LineSpot spot, int k, out int name)
    {
        var w = spot.EngineWish + k;
        var x = spot.TableWish + k;
        name = index.Table.WishName[x];
        var structure = index.Table.Names[name];
        var section = index.Wishes[w].Section;
        if (section == WishEntry.NotEligible) return new(k + 1, structure, WishOutcome.NotEligibleAge);
        if (w == spot.Held) return new(k + 1, structure, WishOutcome.Assigned);
        if (w > spot.Held) return new(k + 1, structure, WishOutcome.NotNeeded);
        var score = index.Table.WishScore[x];
        return new(k + 1, structure, WishOutcome.Full, score, cutoffScore[section],
            _byWish is { } positions ? positions[w] : waitlists.Position(section, index.KeyOf(score, spot.Rank)));
    }

    /// <summary>The structure names the lines use, numbered as <see cref="Line(int, int, out int)"/> gives them.</summary>
    public string[] Names => index.Table.Names;

    public IEnumerator<Explanation> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The lines of one application: its first wish in the table and in the engine's arrays, its number of wishes, the engine wish it
/// holds (past its last one when it holds none) and its rank in the priority order.
/// </summary>
internal readonly record struct LineSpot(int TableWish, int EngineWish, int Count, int Held, int Rank);
