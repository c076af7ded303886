using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace Berceau.Allocation.Json;

/// <summary>
/// Bytes of compact JSON put straight into a span the caller has sized: what <see cref="Utf8JsonWriter"/> would write, without its
/// checks and bookkeeping per value, for the lists a national result repeats millions of times. Strings are escaped by the
/// default encoder, as the writer does.
/// </summary>
internal static class RawJson
{
    /// <summary>The ASCII bytes the default encoder writes as they are; any other byte sends the text through the encoder.</summary>
    private static readonly bool[] Plain = Enumerable.Range(0, 128)
        .Select(b => JsonEncodedText.Encode([(byte)b]).EncodedUtf8Bytes.Length == 1).ToArray();

    /// <summary>Room for a number of any width: a long is at most twenty characters.</summary>
    public const int NumberRoom = 20;

    /// <summary>Room for an escaped UTF-8 text of this length (an escape is at most six bytes per byte).</summary>
    public static int TextRoom(int utf8Length) => 6 * utf8Length;

    public static byte[] Escaped(string text) => JsonEncodedText.Encode(text).EncodedUtf8Bytes.ToArray();

    /// <summary>A text given as UTF-8, escaped when it must be (rarely: then through the encoder).</summary>
    public static void PutText(Span<byte> span, ref int at, ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b < 128 && Plain[b]) continue;
            Put(span, ref at, JsonEncodedText.Encode(utf8).EncodedUtf8Bytes);
            return;
        }
        Put(span, ref at, utf8);
    }

    /// <summary>Bytes for <see cref="PutShort"/>: at most <see cref="ShortRoom"/> long, followed by zeros up to that length.</summary>
    public readonly record struct Short(byte[] Padded, int Length)
    {
        public static Short Of(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > ShortRoom) throw new ArgumentException("Too long for a short fragment.", nameof(bytes));
            var padded = new byte[ShortRoom];
            bytes.CopyTo(padded);
            return new(padded, bytes.Length);
        }

        /// <summary>The short fragment of <paramref name="bytes"/>, or none when they are too long (see <see cref="PutFragment"/>).</summary>
        public static Short IfFits(ReadOnlySpan<byte> bytes) => bytes.Length <= ShortRoom ? Of(bytes) : default;
    }

    /// <summary>Room a span must have past <c>at</c> for <see cref="PutShort"/>, which copies that many bytes whatever the length.</summary>
    public const int ShortRoom = 32;

    /// <summary>
    /// Puts a short fragment with one 32-byte copy instead of a call sized to it: the lines of a national result are millions of
    /// fragments of a few bytes. The bytes past the fragment are overwritten by what follows (the span must have the room).
    /// </summary>
    public static void PutShort(Span<byte> span, ref int at, Short fragment)
    {
        Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(fragment.Padded))
            .StoreUnsafe(ref MemoryMarshal.GetReference(span.Slice(at, ShortRoom)));
        at += fragment.Length;
    }

    /// <summary>Puts <paramref name="fragment"/> (from <see cref="Short.IfFits"/>) when there is one, else the full bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PutFragment(Span<byte> span, ref int at, Short fragment, byte[] full)
    {
        if (fragment.Padded is not null) PutShort(span, ref at, fragment);
        else Put(span, ref at, full);
    }

    public static void Put(Span<byte> span, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        at += bytes.Length;
    }

    public static void PutNumber(Span<byte> span, ref int at, long value)
    {
        // Scores, ranks and most positions have one or two digits: written without the general formatter.
        if ((ulong)value < 10)
        {
            span[at++] = (byte)('0' + value);
            return;
        }
        if ((ulong)value < 100)
        {
            span[at + 1] = (byte)('0' + value % 10);
            span[at] = (byte)('0' + value / 10);
            at += 2;
            return;
        }
        Utf8Formatter.TryFormat(value, span[at..], out var written);
        at += written;
    }

    public static void Copy(IBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }
}
