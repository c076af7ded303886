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

    public string ApplicationAt(int position) => index.Instance.Applications[index.ById[position]].Id;

    public int WishCount(int position)
    {
        var i = index.ById[position];
        return index.WishStart[i + 1] - index.WishStart[i];
    }

    /// <summary>The explanation of wish k (0-based) of the application at this position, without building the others.</summary>
    public WishExplanation Line(int position, int k)
    {
        var i = index.ById[position];
        var w = index.WishStart[i] + k;
        var wish = index.Instance.Applications[i].Wishes[k];
        var section = index.WishSection[w];
        var held = current[i];
        return section < 0 ? new(k + 1, wish.Structure, WishOutcome.NotEligibleAge)
            : w == held ? new(k + 1, wish.Structure, WishOutcome.Assigned)
            : w > held ? new(k + 1, wish.Structure, WishOutcome.NotNeeded)
            : new(k + 1, wish.Structure, WishOutcome.Full, wish.Score, cutoffScore[section], waitlists.Position(section, index.WishKey[w]));
    }

    public IEnumerator<Explanation> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The tieBreaks drawn by the engine, by application id in ordinal order (so enumerated in that order too).</summary>
internal sealed class SortedTieBreaks(string[] ids, long[] values) : IReadOnlyDictionary<string, long>
{
    public int Count => ids.Length;
    public long this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => ids;
    public IEnumerable<long> Values => values;
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out long value)
    {
        var at = Array.BinarySearch(ids, key, StringComparer.Ordinal);
        value = at >= 0 ? values[at] : 0;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var k = 0; k < ids.Length; k++) yield return new(ids[k], values[k]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
