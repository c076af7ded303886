using System.Text;

namespace Berceau.Allocation;

/// <summary>
/// Gives each distinct name a number, in order of first appearance, looked up by its UTF-8 bytes: a national instance names a few
/// thousand structures six million times, and the JSON reader can then number a name without making a string of it.
/// </summary>
internal sealed class NameTable
{
    // Open addressing, linear probing, at most half full. A slot holds the name's hash (high half) and its number + 1 (low half,
    // 0 when empty), so that a probe reads one array; the names' bytes are end to end in one array. Six million lookups a national
    // read makes: every cache line saved shows (docs/performance.md).
    private long[] _slots = new long[1024];
    private byte[] _utf8 = new byte[4096];
    private int[] _ends = new int[257];       // name k is _utf8[_ends[k].._ends[k + 1]]
    private string[] _names = new string[256];
    private int _count;

    public int IndexOf(string name)
    {
        if (name.Length <= 256 && Ascii.IsValid(name))
        {
            Span<byte> ascii = stackalloc byte[name.Length];
            Ascii.FromUtf16(name, ascii, out _);
            return IndexOf(ascii, name);
        }
        return IndexOf(Encoding.UTF8.GetBytes(name), name);
    }

    /// <summary>The number of a name given as UTF-8 bytes (valid UTF-8: the caller checks).</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8) => IndexOf(utf8, null);

    private int IndexOf(ReadOnlySpan<byte> utf8, string? name)
    {
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var content = _slots[slot];
            if (content == 0)
            {
                var entry = Add(utf8, name);
                _slots[slot] = (long)hash << 32 | (uint)(entry + 1);
                if (2 * _count > _slots.Length) Rehash();
                return entry;
            }
            if ((uint)(content >>> 32) != hash) continue;
            var found = (int)(uint)content - 1;
            if (utf8.SequenceEqual(_utf8.AsSpan(_ends[found], _ends[found + 1] - _ends[found]))) return found;
        }
    }

    public string[] Names() => _names[.._count];

    private int Add(ReadOnlySpan<byte> utf8, string? name)
    {
        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _ends, _count * 2 + 1);
        }
        var end = _ends[_count];
        if (end + utf8.Length > _utf8.Length) Array.Resize(ref _utf8, Math.Max(_utf8.Length * 2, end + utf8.Length));
        utf8.CopyTo(_utf8.AsSpan(end));
        _ends[_count + 1] = end + utf8.Length;
        _names[_count] = name ?? Encoding.UTF8.GetString(utf8);
        return _count++;
    }

    private void Rehash()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var content in old)
        {
            if (content == 0) continue;
            var slot = (int)(uint)(content >>> 32) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = content;
        }
    }

    /// <summary>
    /// FNV-style over eight bytes at a time, then mixed: names are short (a structure code, a category), and a general-purpose
    /// hash costs more than the lookup. Quality only matters for probing, and the final mix spreads the low bits the mask keeps.
    /// </summary>
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 0xcbf29ce484222325UL ^ (ulong)utf8.Length;
        while (utf8.Length >= 8)
        {
            hash = (hash ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * 0x100000001b3UL;
            hash ^= hash >>> 29;
            utf8 = utf8[8..];
        }
        ulong tail = 0;
        for (var k = 0; k < utf8.Length; k++) tail |= (ulong)utf8[k] << (8 * k);
        hash = (hash ^ tail) * 0x9e3779b97f4a7c15UL;
        return (uint)(hash >>> 32 ^ hash);
    }
}
