using System.Buffers;
using System.Text;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// Text a writer produces as UTF-8 on a stream, returned as a string. The bytes go to pooled blocks of 1 MB, then are decoded once,
/// straight into the string. Through a MemoryStream, a département's run result (25 MB) was copied each time the buffer doubled,
/// once more by ToArray, and left about 100 MB of large objects for the collector (docs/performance.md).
/// </summary>
public static class Utf8Text
{
    public static string Write(Action<Stream> write)
    {
        using var blocks = new BlockStream();
        write(blocks);
        return blocks.Decode();
    }

    /// <summary>
    /// The text, also compressed from the same blocks as the database will store it (<see cref="Data.Commission.StoredJson"/>):
    /// for the engine's documents, written on the thread pool before the save that stores them.
    /// </summary>
    public static string WriteStored(Action<Stream> write)
    {
        using var blocks = new BlockStream();
        write(blocks);
        return Data.Commission.StoredJson.PackAhead(blocks.Decode(), blocks.Pieces());
    }

    /// <summary>
    /// A stream that only appends, to blocks rented from the shared pool and returned when it is disposed. A block never ends
    /// inside a character: the bytes of one it would cut go to the next block, so that each block decodes on its own.
    /// </summary>
    private sealed class BlockStream : Stream
    {
        private const int BlockSize = 1 << 20;
        private readonly List<byte[]> blocks = [];
        private readonly List<int> used = [];

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                if (blocks.Count == 0 || used[^1] == BlockSize) StartBlock();
                var taken = Math.Min(buffer.Length, BlockSize - used[^1]);
                buffer[..taken].CopyTo(blocks[^1].AsSpan(used[^1]));
                used[^1] += taken;
                buffer = buffer[taken..];
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void WriteByte(byte value) => Write([value]);

        private void StartBlock()
        {
            var block = ArrayPool<byte>.Shared.Rent(BlockSize);
            var carried = 0;
            if (blocks.Count > 0)
            {
                carried = CutCharacter(blocks[^1].AsSpan(0, used[^1]));
                blocks[^1].AsSpan(used[^1] - carried, carried).CopyTo(block);
                used[^1] -= carried;
            }
            blocks.Add(block);
            used.Add(carried);
        }

        /// <summary>How many bytes at the end of a full block start a character that does not end in it (0 to 3).</summary>
        private static int CutCharacter(ReadOnlySpan<byte> block)
        {
            for (var back = 1; back <= Math.Min(3, block.Length); back++)
            {
                var b = block[^back];
                if ((b & 0xC0) == 0x80) continue;  // a continuation byte: the character started further back
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? back : 0;
            }
            return 0;
        }

        /// <summary>The text: its length counted block by block, then each block decoded into the string.</summary>
        public string Decode()
        {
            var length = 0;
            for (var i = 0; i < blocks.Count; i++) length += Encoding.UTF8.GetCharCount(Block(i));
            return string.Create(length, this, static (chars, self) =>
            {
                var at = 0;
                for (var i = 0; i < self.blocks.Count; i++) at += Encoding.UTF8.GetChars(self.Block(i), chars[at..]);
            });
        }

        private ReadOnlySpan<byte> Block(int i) => blocks[i].AsSpan(0, used[i]);

        /// <summary>The bytes written, block by block (valid until the stream is disposed).</summary>
        public IReadOnlyList<ReadOnlyMemory<byte>> Pieces() => [.. blocks.Select((block, i) => (ReadOnlyMemory<byte>)block.AsMemory(0, used[i]))];

        protected override void Dispose(bool disposing)
        {
            foreach (var block in blocks) ArrayPool<byte>.Shared.Return(block);
            blocks.Clear();
            used.Clear();
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
