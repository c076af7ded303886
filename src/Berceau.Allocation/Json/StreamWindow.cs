using System.Buffers;

namespace Berceau.Allocation.Json;

/// <summary>
/// A stream seen a megabyte at a time, for the instance readers: they read in units (a top-level property, a section, an
/// application) and, when the window ends inside one, keep its bytes and read it again once more are in.
/// </summary>
internal sealed class StreamWindow(Stream stream) : IDisposable
{
    private const int Size = 1 << 20;

    public byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(Size);
    /// <summary>How many bytes of <see cref="Buffer"/> were read.</summary>
    public int Length { get; private set; }
    /// <summary>The stream has no more bytes than these.</summary>
    public bool Final { get; private set; }

    /// <summary>Reads until the buffer is full or the stream ends.</summary>
    public void Fill()
    {
        while (Length < Buffer.Length)
        {
            var read = stream.Read(Buffer, Length, Buffer.Length - Length);
            if (read == 0)
            {
                Final = true;
                return;
            }
            Length += read;
        }
    }

    /// <summary>Keeps the bytes from <paramref name="from"/> on, moved to the start (a larger buffer if they fill it), and reads more after them.</summary>
    public void KeepFrom(int from)
    {
        var kept = Length - from;
        if (kept == Buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Buffer.Length * 2);
            Buffer.AsSpan(from, kept).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = larger;
        }
        else
        {
            Buffer.AsSpan(from, kept).CopyTo(Buffer);
        }
        Length = kept;
        Fill();
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(Buffer);
}
