using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Berceau.Allocation;

/// <summary>
/// "sha256:" + lowercase hex of SHA-256 over the <b>canonical serialisation</b> of the instance, a compact binary form that holds
/// exactly the fields of the contract, in the contract's order, and nothing else (so unknown JSON fields, layout and the order of
/// applications do not change it). Written in sequence:
/// <code>
/// int32 version, bool hasSeed [, int64 seed],
/// int32 #sections, each: string id, string structure, int32 capacity, int32 minAgeMonths, int32 maxAgeMonths,
///                        int32 #reserves, each: string category, int32 seats          (sections and reserves in input order)
/// int32 #applications, each (sorted by id, ordinal): string id, int32 ageMonthsAtStart, int32 submitted as yyyymmdd,
///                        int32 #categories, each: string   (sorted, ordinal, repeats dropped),
///                        bool hasTieBreak [, int64 tieBreak], int32 #wishes, each: string structure, int32 score   (wish order kept)
/// </code>
/// where integers are little-endian two's complement, bool is one byte 0 or 1, and string is int32 byte length + UTF-8 bytes.
/// Binary rather than JSON because at national scale it is 2.5 times shorter to hash, and it leaves no escaping rule to agree on.
/// </summary>
internal static class InstanceHash
{
    /// <param name="capacities">By section, the capacities hashed in place of the sections' own (a "what if").</param>
    public static string Of(Instance instance, ApplicationTable table, int[] byId, int[] capacities)
    {
        using var writer = new CanonicalWriter();
        writer.Int32(instance.Version);
        writer.Optional(instance.Seed);
        writer.Int32(instance.Sections.Count);
        for (var s = 0; s < instance.Sections.Count; s++)
        {
            var section = instance.Sections[s];
            writer.String(section.Id);
            writer.String(section.Structure);
            writer.Int32(capacities[s]);
            writer.Int32(section.MinAgeMonths);
            writer.Int32(section.MaxAgeMonths);
            var reserves = section.Reserves ?? [];
            writer.Int32(reserves.Count);
            foreach (var reserve in reserves)
            {
                writer.String(reserve.Category);
                writer.Int32(reserve.Seats);
            }
        }
        // Each structure name is encoded once with its length, then copied for each of the millions of wishes naming it; each
        // category name likewise, with its place in ordinal order (the canonical form sorts an application's categories).
        var names = new byte[table.Names.Length][];
        for (var n = 0; n < names.Length; n++) names[n] = Prefixed(table.Names[n]);
        var categoryNames = new byte[table.CategoryNames.Length][];
        for (var c = 0; c < categoryNames.Length; c++) categoryNames[c] = Prefixed(table.CategoryNames[c]);
        var categoryOrder = new int[table.CategoryNames.Length];
        var byName = Enumerable.Range(0, categoryOrder.Length).OrderBy(c => table.CategoryNames[c], StringComparer.Ordinal).ToArray();
        for (var k = 0; k < byName.Length; k++) categoryOrder[byName[k]] = k;
        var longestName = names.Length == 0 ? 0 : names.Max(name => name.Length);
        var longestCategory = categoryNames.Length == 0 ? 0 : categoryNames.Max(name => name.Length);
        Span<int> held = stackalloc int[FewCategories];
        writer.Int32(byId.Length);
        foreach (var i in byId)
        {
            var id = table.IdUtf8(i);
            var firstWish = table.WishStart[i];
            var wishes = table.WishCount(i);
            var firstCategory = table.CategoryStart[i];
            var categories = table.CategoryStart[i + 1] - firstCategory;
            // A million applications: room for the whole application is made once, then its fields are written unchecked.
            var bound = 4 + id.Length + 4 + 4 + 4 + 9 + 4 + (4L + longestName) * wishes + (long)longestCategory * categories;
            if (categories > FewCategories || !writer.TryReserve(bound))
            {
                WriteSlowly(writer, table, i, names);
                continue;
            }
            writer.UncheckedBytes(id);
            writer.UncheckedInt32(table.Age[i]);
            writer.UncheckedInt32(Yyyymmdd(table.Day[i]));
            var distinct = SortedDistinct(table.Category.AsSpan(firstCategory, categories), categoryOrder, held);
            writer.UncheckedInt32(distinct.Length);
            foreach (var c in distinct) writer.UncheckedRaw(categoryNames[c]);
            writer.UncheckedOptional(table.HasTieBreak[i] ? table.TieBreak[i] : null);
            writer.UncheckedInt32(wishes);
            for (var x = firstWish; x < firstWish + wishes; x++)
            {
                writer.UncheckedRaw(names[table.WishName[x]]);
                writer.UncheckedInt32(table.WishScore[x]);
            }
        }
        return "sha256:" + Convert.ToHexStringLower(writer.Finish());
    }

    private const int FewCategories = 16;

    /// <summary>A string as the canonical form writes it: int32 byte length, then its UTF-8 bytes.</summary>
    private static byte[] Prefixed(string value)
    {
        var bytes = new byte[4 + Encoding.UTF8.GetByteCount(value)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - 4);
        Encoding.UTF8.GetBytes(value, bytes.AsSpan(4));
        return bytes;
    }

    /// <summary>The categories in ordinal order of name, each once, sorted in <paramref name="room"/> (a few: insertion sort).</summary>
    private static ReadOnlySpan<int> SortedDistinct(ReadOnlySpan<int> categories, int[] order, Span<int> room)
    {
        var count = 0;
        foreach (var c in categories)
        {
            var at = count;
            while (at > 0 && order[room[at - 1]] > order[c]) at--;
            if (at > 0 && room[at - 1] == c) continue;
            room.Slice(at, count - at).CopyTo(room[(at + 1)..]);
            room[at] = c;
            count++;
        }
        return room[..count];
    }

    /// <summary>An application with very many categories or too long for the buffer: each field checked for room.</summary>
    private static void WriteSlowly(CanonicalWriter writer, ApplicationTable table, int i, byte[][] names)
    {
        writer.Bytes(table.IdUtf8(i));
        writer.Int32(table.Age[i]);
        writer.Int32(Yyyymmdd(table.Day[i]));
        var categories = new string[table.CategoryStart[i + 1] - table.CategoryStart[i]];
        for (var c = 0; c < categories.Length; c++) categories[c] = table.CategoryNames[table.Category[table.CategoryStart[i] + c]];
        var sorted = categories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        writer.Int32(sorted.Length);
        foreach (var category in sorted) writer.String(category);
        writer.Optional(table.HasTieBreak[i] ? table.TieBreak[i] : null);
        writer.Int32(table.WishCount(i));
        for (var x = table.WishStart[i]; x < table.WishStart[i + 1]; x++)
        {
            writer.Raw(names[table.WishName[x]]);
            writer.Int32(table.WishScore[x]);
        }
    }

    private static int Yyyymmdd(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return date.Year * 10000 + date.Month * 100 + date.Day;
    }

    /// <summary>Bytes go through a small buffer straight into the hash: the canonical form is never held whole.</summary>
    private sealed class CanonicalWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Pooled: fresh memory costs more to touch the first time than hashing it (docs/performance.md).
        private readonly byte[] _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        private int _length;

        public void Int32(int value)
        {
            Ensure(4);
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        public void Optional(long? value)
        {
            Ensure(9);
            _buffer[_length++] = value is null ? (byte)0 : (byte)1;
            if (value is not { } v) return;
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), v);
            _length += 8;
        }

        public void String(string value)
        {
            if (value.Length + 4 <= _buffer.Length && System.Text.Ascii.IsValid(value))
            {
                // ASCII, by far the common case: UTF-8 is the same bytes, copied without the general encoder.
                Ensure(value.Length + 4);
                BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value.Length);
                System.Text.Ascii.FromUtf16(value, _buffer.AsSpan(_length + 4), out var copied);
                _length += 4 + copied;
                return;
            }
            var bytes = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (bytes + 4 > _buffer.Length)
            {
                var encoded = Encoding.UTF8.GetBytes(value);
                Int32(encoded.Length);
                Flush();
                _hash.AppendData(encoded);
                return;
            }
            Ensure(bytes + 4);
            var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), written);
            _length += 4 + written;
        }

        /// <summary>A string already encoded in UTF-8.</summary>
        public void Bytes(ReadOnlySpan<byte> utf8)
        {
            Int32(utf8.Length);
            Raw(utf8);
        }

        /// <summary>Bytes already in canonical form (<see cref="Prefixed"/>).</summary>
        public void Raw(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > _buffer.Length)
            {
                Flush();
                _hash.AppendData(bytes);
                return;
            }
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void UncheckedRaw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void UncheckedBytes(ReadOnlySpan<byte> utf8)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), utf8.Length);
            utf8.CopyTo(_buffer.AsSpan(_length + 4));
            _length += 4 + utf8.Length;
        }

        /// <summary>Makes room for <paramref name="bytes"/>; false when they could never fit in the buffer.</summary>
        public bool TryReserve(long bytes)
        {
            if (bytes > _buffer.Length) return false;
            Ensure((int)bytes);
            return true;
        }

        // The Unchecked writers assume the room was reserved by TryReserve.
        public void UncheckedInt32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        public void UncheckedOptional(long? value)
        {
            _buffer[_length++] = value is null ? (byte)0 : (byte)1;
            if (value is not { } v) return;
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), v);
            _length += 8;
        }

        private void Ensure(int bytes)
        {
            if (_length + bytes > _buffer.Length) Flush();
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }

        public byte[] Finish()
        {
            Flush();
            return _hash.GetHashAndReset();
        }

        public void Dispose()
        {
            _hash.Dispose();
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
