using System.Text;

namespace Berceau.Allocation;

/// <summary>
/// Gives each distinct name a number, in order of first appearance, looked up by its UTF-8 bytes: a national instance names a few
/// thousand structures six million times, and the JSON reader can then number a name without making a string of it.
/// </summary>
internal sealed class NameTable
{
    // Open addressing, linear probing, at most half full. A slot holds the name's hash (high half) and its number + 1 (low half,
    // 0 when empty); the entry it points to holds the name's first eight bytes, so that a short name (a structure code, a
    // category) is found by reading two arrays and comparing one number. The reader of a national instance looks up six million
    // names: every cache line saved shows (docs/performance.md).
    private long[] _slots = new long[1024];
    private Entry[] _entries = new Entry[256];
    private byte[] _utf8 = new byte[4096];    // every name's bytes, end to end
    private string[] _names = new string[256];
    private int _count;
    private int _used;

    private struct Entry
    {
        public ulong Head;
        public int Start;
        public int Length;
    }

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
        var head = Head(utf8);
        var hash = Hash(head, utf8);
        var mask = _slots.Length - 1;
        for (var slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            var content = _slots[slot];
            if (content == 0)
            {
                var added = Add(utf8, head, name);
                _slots[slot] = (long)hash << 32 | (uint)(added + 1);
                if (2 * _count > _slots.Length) Rehash();
                return added;
            }
            if ((uint)(content >>> 32) != hash) continue;
            var found = (int)(uint)content - 1;
            ref var entry = ref _entries[found];
            if (entry.Head == head && entry.Length == utf8.Length
                && (utf8.Length <= 8 || utf8[8..].SequenceEqual(_utf8.AsSpan(entry.Start + 8, entry.Length - 8)))) return found;
        }
    }

    public string[] Names() => _names[.._count];

    private int Add(ReadOnlySpan<byte> utf8, ulong head, string? name)
    {
        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _entries, _count * 2);
        }
        if (_used + utf8.Length > _utf8.Length) Array.Resize(ref _utf8, Math.Max(_utf8.Length * 2, _used + utf8.Length));
        utf8.CopyTo(_utf8.AsSpan(_used));
        _entries[_count] = new Entry { Head = head, Start = _used, Length = utf8.Length };
        _used += utf8.Length;
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

    /// <summary>The first eight bytes (fewer, then zeros), little-endian.</summary>
    private static ulong Head(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 8) return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(utf8);
        ulong head = 0;
        for (var k = 0; k < utf8.Length; k++) head |= (ulong)utf8[k] << (8 * k);
        return head;
    }

    /// <summary>
    /// FNV-style over eight bytes at a time, then mixed: names are short, and a general-purpose hash costs more than the lookup.
    /// Quality only matters for probing, and the final mix spreads the low bits the mask keeps.
    /// </summary>
    private static uint Hash(ulong head, ReadOnlySpan<byte> utf8)
    {
        var hash = (0xcbf29ce484222325UL ^ (ulong)utf8.Length ^ head) * 0x100000001b3UL;
        if (utf8.Length > 8)
        {
            for (var rest = utf8[8..]; !rest.IsEmpty; rest = rest.Length > 8 ? rest[8..] : default)
            {
                hash ^= hash >>> 29;
                hash = (hash ^ Head(rest)) * 0x100000001b3UL;
            }
        }
        hash *= 0x9e3779b97f4a7c15UL;
        return (uint)(hash >>> 32 ^ hash);
    }
}
