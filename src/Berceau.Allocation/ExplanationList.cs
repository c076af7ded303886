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

    public string ApplicationAt(int position) => index.SortedIds[position];

    public int WishCount(int position)
    {
        var r = index.RankOfApp[index.ById[position]];
        return index.WishStart[r + 1] - index.WishStart[r] - 1;  // less the end marker
    }

    /// <summary>The explanation of wish k (0-based) of the application at this position, without building the others.</summary>
    public WishExplanation Line(int position, int k)
    {
        var i = index.ById[position];
        var r = index.RankOfApp[i];
        var w = index.WishStart[r] + k;
        var wish = index.Instance.Applications[i].Wishes[k];
        var section = index.Wishes[w].Section;
        var held = current[r];
        return section == WishEntry.NotEligible ? new(k + 1, wish.Structure, WishOutcome.NotEligibleAge)
            : w == held ? new(k + 1, wish.Structure, WishOutcome.Assigned)
            : w > held ? new(k + 1, wish.Structure, WishOutcome.NotNeeded)
            : new(k + 1, wish.Structure, WishOutcome.Full, wish.Score, cutoffScore[section], waitlists.Position(section, index.KeyOf(wish.Score, r)));
    }

    public IEnumerator<Explanation> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
