using System.Collections;

namespace Berceau.Allocation;

/// <summary>
/// The assignments of a result, in application id order, each built when read from the solver's arrays: <paramref name="positions"/>
/// are the positions (in id order) of the applications assigned. Safe across threads: its only change, <see cref="PrepareToReadAll"/>,
/// publishes a finished array.
/// </summary>
internal sealed class AssignmentList(IndexedInstance index, int[] current, int[] viaReserve, ReadOnlyMemory<int> positions)
    : IReadOnlyList<Assignment>
{
    public int Count => positions.Length;

    public Assignment this[int k]
    {
        get
        {
            var section = index.Instance.Sections[SectionAt(k, out var wishRank, out var via)];
            return new Assignment(index.IdAt(positions.Span[k]), section.Structure, section.Id, wishRank, via < 0 ? null : index.CategoryNames[via]);
        }
    }

    /// <summary>The parts of assignment k as numbers, for a writer that has encoded the names once: the section (in input order),
    /// the wish rank, the reserve category (in <see cref="CategoryNames"/>, -1 for a general seat).</summary>
    public int SectionAt(int k, out int wishRank, out int via)
    {
        var i = index.ById[positions.Span[k]];
        if (_held is { } held)
        {
            (wishRank, via) = (held[i].WishRank, held[i].Via);
            return held[i].Section;
        }
        var r = index.RankOfApp[i];
        wishRank = current[r] - index.WishStart[r] + 1;
        via = viaReserve[r];
        return index.Wishes[current[r]].Section;
    }

    private Held[]? _held;

    /// <summary>
    /// Before reading every assignment (a writer): what each application holds, laid out in the table's order in one pass in
    /// priority order, so that going through the assignments in id order reads memory in order (as <see cref="ExplanationList"/>).
    /// </summary>
    public void PrepareToReadAll() => LazyInitializer.EnsureInitialized(ref _held, () => LayOut());

    private Held[] LayOut()
    {
        var held = FreshMemory.Uninitialized<Held>(index.Applications);
        const int ahead = 16;
        for (var r = 0; r < index.Applications; r++)
        {
            // Written at each application's place in the table, random in the priority order: loaded ahead.
            if (r + ahead < index.Applications) MemoryHint.Prefetch(ref held[index.AppOfRank[r + ahead]]);
            var w = current[r];
            var section = index.Wishes[w].Section;
            // Only assigned applications are read; an unassigned one holds its end marker, whose section is not a section.
            held[index.AppOfRank[r]] = new Held(section, w - index.WishStart[r] + 1, viaReserve[r]);
        }
        return held;
    }

    private readonly record struct Held(int Section, int WishRank, int Via);

    public ReadOnlySpan<byte> IdUtf8At(int k) => index.IdUtf8At(positions.Span[k]);
    public IReadOnlyList<Section> Sections => index.Instance.Sections;
    public string[] CategoryNames => index.CategoryNames;

    public IEnumerator<Assignment> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Application ids at the given positions of the id order.</summary>
internal sealed class IdList(IndexedInstance index, ReadOnlyMemory<int> positions) : IReadOnlyList<string>
{
    public int Count => positions.Length;
    public string this[int k] => index.IdAt(positions.Span[k]);
    public ReadOnlySpan<byte> IdUtf8At(int k) => index.IdUtf8At(positions.Span[k]);

    public IEnumerator<string> GetEnumerator()
    {
        for (var k = 0; k < Count; k++) yield return this[k];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The tieBreaks drawn by the engine, by application id in ordinal order (so enumerated in that order too): <paramref name="positions"/>
/// are the positions (in id order) of the applications whose tieBreak was drawn.
/// </summary>
internal sealed class SortedTieBreaks(IndexedInstance index, ReadOnlyMemory<int> positions) : IReadOnlyDictionary<string, long>
{
    public int Count => positions.Length;
    public long this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => this.Select(pair => pair.Key);
    public IEnumerable<long> Values => this.Select(pair => pair.Value);
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out long value)
    {
        var position = index.PositionOf(key);
        var drawn = position >= 0 && index.Drawn[index.ById[position]];
        value = drawn ? index.TieBreak[index.ById[position]] : 0;
        return drawn;
    }

    public ReadOnlySpan<byte> IdUtf8At(int k) => index.IdUtf8At(positions.Span[k]);
    public long ValueAt(int k) => index.TieBreak[index.ById[positions.Span[k]]];

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var k = 0; k < positions.Length; k++)
        {
            var position = positions.Span[k];
            yield return new(index.IdAt(position), index.TieBreak[index.ById[position]]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
