namespace Berceau.Allocation;

/// <summary>
/// The lottery for applications without a tieBreak, written out so that anyone can replay it (System.Random's algorithm may change
/// between .NET versions; this one never will):
/// the applications lacking a tieBreak, sorted by id (ordinal), receive the values base+1 … base+m, where base is the largest tieBreak
/// given in the instance (0 if none) and m their number, in the order of a Fisher–Yates shuffle driven by <see cref="Prng"/> seeded
/// with the instance seed. Sorting by id first makes the draw independent of the order of applications in the file.
/// </summary>
public static class TieBreakDraw
{
    /// <summary>Returns the values drawn for the applications given in id order: values[k] goes to sortedIds[k].</summary>
    public static long[] Draw(int count, long seed, long valueBase)
    {
        var slots = GC.AllocateUninitializedArray<long>(count);
        for (var i = 0; i < count; i++) slots[i] = valueBase + 1 + i;
        var rng = new Prng(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)rng.NextBelow((ulong)i + 1);
            (slots[i], slots[j]) = (slots[j], slots[i]);
        }
        return slots;
    }
}

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded by four outputs of SplitMix64 from the seed; bounded draws by Lemire's
/// multiply-and-reject method, so that every value below the bound is exactly equally likely.
/// </summary>
public struct Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(long seed)
    {
        var x = unchecked((ulong)seed);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public ulong Next()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform value in [0, bound), bound ≥ 1.</summary>
    public ulong NextBelow(ulong bound)
    {
        var high = Math.BigMul(Next(), bound, out var low);
        if (low < bound)
        {
            var threshold = unchecked(0 - bound) % bound;
            while (low < threshold) high = Math.BigMul(Next(), bound, out low);
        }
        return high;
    }

    /// <summary>A uniform value in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
