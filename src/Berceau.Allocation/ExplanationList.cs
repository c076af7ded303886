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
            var lines = new WishExplanation[WishCount(position)];
            for (var k = 0; k < lines.Length; k++) lines[k] = Line(position, k);
            return new Explanation(ApplicationAt(position), lines);
        }
    }

    public string ApplicationAt(int position) => index.IdAt(position);
    public ReadOnlySpan<byte> ApplicationUtf8At(int position) => index.IdUtf8At(position);

    private int[]? _byWish;

    /// <summary>Before reading every line (a writer): waitlist positions are then read, not searched.</summary>
    public void PrepareToReadAll() => _byWish ??= waitlists.ByWish(index);

    public int WishCount(int position)
    {
        var r = index.RankOfApp[index.ById[position]];
        return index.WishStart[r + 1] - index.WishStart[r] - 1;  // less the end marker
    }

    /// <summary>The explanation of wish k (0-based) of the application at this position, without building the others.</summary>
    public WishExplanation Line(int position, int k) => Line(position, k, out _);

    /// <summary>The same, with the number of the structure's name in the table's <see cref="ApplicationTable.Names"/>.</summary>
    public WishExplanation Line(int position, int k, out int name)
    {
        var i = index.ById[position];
        var r = index.RankOfApp[i];
        var w = index.WishStart[r] + k;
        var x = index.Table.WishStart[i] + k;
        name = index.Table.WishName[x];
        var structure = index.Table.Names[name];
        var score = index.Table.WishScore[x];
        var section = index.Wishes[w].Section;
        var held = current[r];
        return section == WishEntry.NotEligible ? new(k + 1, structure, WishOutcome.NotEligibleAge)
            : w == held ? new(k + 1, structure, WishOutcome.Assigned)
            : w > held ? new(k + 1, structure, WishOutcome.NotNeeded)
            : new(k + 1, structure, WishOutcome.Full, score, cutoffScore[section],
                _byWish is { } positions ? positions[w] : waitlists.Position(section, index.KeyOf(score, r)));
    }

    /// <summary>The structure names the lines use, numbered as <see cref="Line(int, int, out int)"/> gives them.</summary>
    public string[] Names => index.Table.Names;

    public IEnumerator<Explanation> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
