using System.Buffers;
using System.Buffers.Text;
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

    public static void Put(Span<byte> span, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        at += bytes.Length;
    }

    public static void PutNumber(Span<byte> span, ref int at, long value)
    {
        Utf8Formatter.TryFormat(value, span[at..], out var written);
        at += written;
    }

    public static void Copy(IBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }
}
