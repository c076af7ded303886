using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Berceau.Data.Commission;

/// <summary>
/// The engine's instances and results as the database stores them: compressed (Brotli, its fastest quality), behind a one-byte
/// format mark and the JSON's length in UTF-8 bytes. A département's freeze stores 41 MB of JSON (the instance, the first run's
/// result); SQLite took 350–800 ms to write them and PostgreSQL 350 ms to check them as text, on the request's path
/// (docs/performance.md, « Instances and results stored compressed »). Compressed, they are 4.5 MB, in about 90 ms on a core
/// that is otherwise waiting. Nothing is lost: the JSON read back is the same string, character for character (replays compare
/// bytes). Rows stored before hold the JSON's UTF-8 bytes themselves, which begin with « { »: they are read as they are.
/// </summary>
public static class StoredJson
{
    /// <summary>The first byte of a compressed document; a JSON document never begins with it.</summary>
    private const byte BrotliMark = 0x01;
    private const int HeaderLength = 5;
    // The fastest quality: 9 times smaller for these documents (ids repeated over and over); the next qualities cost several
    // times the time for a few percent.
    private const int Quality = 1;
    private const int Window = 22;

    // Documents compressed ahead, on the thread that wrote them, so that SaveChanges (on the request's thread) finds their bytes
    // ready: keyed by the string itself, and gone with it.
    private static readonly ConditionalWeakTable<string, byte[]> Ahead = [];

    /// <summary>
    /// Compresses <paramref name="json"/> now from its UTF-8 bytes, given in pieces as a writer produced them (no other copy
    /// of the whole text), for the save that will store it; returns it unchanged.
    /// </summary>
    public static string PackAhead(string json, IReadOnlyList<ReadOnlyMemory<byte>> utf8)
    {
        Ahead.AddOrUpdate(json, Compress(utf8));
        return json;
    }

    /// <summary>The stored form of <paramref name="json"/>: compressed ahead, or now.</summary>
    public static byte[] Pack(string json) => Ahead.TryGetValue(json, out var packed) ? packed : Compress([Encoding.UTF8.GetBytes(json)]);

    /// <summary>The JSON of a stored document, compressed or not.</summary>
    public static string Unpack(byte[] stored)
    {
        if (stored.Length == 0 || stored[0] != BrotliMark) return Encoding.UTF8.GetString(stored);
        if (stored.Length < HeaderLength) throw new InvalidDataException("Document compressé tronqué.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1));
        var utf8 = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(HeaderLength), utf8, out var written) || written != length)
            throw new InvalidDataException("Document compressé illisible.");
        return Encoding.UTF8.GetString(utf8);
    }

    private static byte[] Compress(IReadOnlyList<ReadOnlyMemory<byte>> utf8)
    {
        var length = 0L;
        foreach (var piece in utf8) length += piece.Length;
        if (length > int.MaxValue) throw new InvalidOperationException("Document de plus de 2 Go.");
        // About a ninth of the JSON: room for a fifth, grown if ever needed.
        var output = new ArrayBufferWriter<byte>(HeaderLength + (int)(length / 5) + 4096);
        var header = output.GetSpan(HeaderLength);
        header[0] = BrotliMark;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], (int)length);
        output.Advance(HeaderLength);
        var encoder = new BrotliEncoder(Quality, Window);
        try
        {
            foreach (var piece in utf8) Encode(ref encoder, piece.Span, output, final: false);
            Encode(ref encoder, [], output, final: true);
        }
        finally
        {
            encoder.Dispose();
        }
        return output.WrittenSpan.ToArray();
    }

    private static void Encode(ref BrotliEncoder encoder, ReadOnlySpan<byte> source, ArrayBufferWriter<byte> output, bool final)
    {
        while (true)
        {
            var status = encoder.Compress(source, output.GetSpan(1 << 16), out var consumed, out var written, final);
            output.Advance(written);
            source = source[consumed..];
            if (status == OperationStatus.Done && source.IsEmpty) return;
            if (status is OperationStatus.InvalidData) throw new InvalidOperationException("Brotli could not compress the document.");
        }
    }
}

/// <summary>Maps a JSON document property to its compressed column (<see cref="StoredJson"/>).</summary>
internal sealed class StoredJsonConverter() : ValueConverter<string, byte[]>(json => StoredJson.Pack(json), stored => StoredJson.Unpack(stored));
