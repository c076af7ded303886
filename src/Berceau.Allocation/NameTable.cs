using System.Text;

namespace Berceau.Allocation;

/// <summary>
/// Gives each distinct name a number, in order of first appearance, looked up by its UTF-8 bytes: a national instance names a few
/// thousand structures six million times, and the JSON reader can then number a name without making a string of it.
/// </summary>
internal sealed class NameTable
{
    private int[] _slots = new int[1024];     // entry + 1, 0 when empty; open addressing, linear probing
    private int[] _hashes = new int[256];
    private byte[][] _bytes = new byte[256][];
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
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                entry = Add(utf8, name, hash);
                _slots[slot] = entry + 1;
                if (2 * _count > _slots.Length) Rehash();
                return entry;
            }
            if (_hashes[entry] == hash && utf8.SequenceEqual(_bytes[entry])) return entry;
        }
    }

    public string[] Names() => _names[.._count];

    private int Add(ReadOnlySpan<byte> utf8, string? name, int hash)
    {
        if (_count == _names.Length)
        {
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _bytes, _count * 2);
            Array.Resize(ref _names, _count * 2);
        }
        _hashes[_count] = hash;
        _bytes[_count] = utf8.ToArray();
        _names[_count] = name ?? Encoding.UTF8.GetString(utf8);
        return _count++;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var entry = 0; entry < _count; entry++)
        {
            var slot = _hashes[entry] & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = entry + 1;
        }
    }

    // Non-negative: it is masked into a slot number.
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = new HashCode();
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }
}
