using System.Buffers;

namespace Berceau.Allocation.Json;

/// <summary>
/// A 1 MB buffer drained into a stream. JsonSerializer.Serialize(Utf8JsonWriter, …) flushes its writer after every value, and a
/// writer over a stream then flushes the stream: one system call per assignment or explanation. Over this buffer, a flush only
/// commits bytes to memory; the stream is written a megabyte at a time and flushed once at the end.
/// </summary>
internal sealed class StreamBufferWriter(Stream stream) : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[1 << 20];
    private int _used;

    public void Advance(int count) => _used += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_used);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_used);

    public void Complete()
    {
        Drain();
        stream.Flush();
    }

    private byte[] Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _used >= needed) return _buffer;
        Drain();
        if (_buffer.Length < needed) _buffer = new byte[needed];
        return _buffer;
    }

    private void Drain()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
