namespace Berceau.Allocation;

/// <summary>
/// The contract's order of ids (ordinal, as .NET compares strings: by UTF-16 code unit) applied to their UTF-8 bytes, so that a
/// million ids are sorted and searched without a string each. Byte order is code point order, which is UTF-16 order except for one
/// case: a character beyond U+FFFF (four bytes, lead F0–F4; in UTF-16 a surrogate D800–DBFF) sorts before U+E000–U+FFFF (three
/// bytes, lead EE or EF) in UTF-16 and after it in UTF-8.
/// </summary>
internal static class IdOrder
{
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length.CompareTo(b.Length);
        var (x, y) = (a[common], b[common]);
        // Equal prefixes: the first difference is at the start of a character in both, or inside characters of the same length.
        if (x >= 0xF0 && y is 0xEE or 0xEF) return -1;
        if (y >= 0xF0 && x is 0xEE or 0xEF) return 1;
        return x.CompareTo(y);
    }
}
