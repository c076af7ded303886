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
            var i = index.ById[position];
            var application = index.Instance.Applications[i];
            var first = index.WishStart[i];
            var end = index.WishStart[i + 1];
            var held = current[i];
            var wishes = application.Wishes;
            var lines = new WishExplanation[end - first];
            for (var w = first; w < end; w++)
            {
                var wish = wishes[w - first];
                var section = index.WishSection[w];
                var rankOfWish = w - first + 1;
                lines[w - first] = section < 0 ? new(rankOfWish, wish.Structure, WishOutcome.NotEligibleAge)
                    : w == held ? new(rankOfWish, wish.Structure, WishOutcome.Assigned)
                    : w > held ? new(rankOfWish, wish.Structure, WishOutcome.NotNeeded)
                    : new(rankOfWish, wish.Structure, WishOutcome.Full, wish.Score, cutoffScore[section], waitlists.Position(section, index.WishKey[w]));
            }
            return new Explanation(application.Id, lines);
        }
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
