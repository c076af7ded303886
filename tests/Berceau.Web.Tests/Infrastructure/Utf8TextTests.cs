using System.Text;
using Berceau.Web.Infrastructure;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// A stored run's JSON is the text of the bytes the engine wrote (<see cref="Utf8Text"/>): accents and characters beyond U+FFFF
/// come back whole, even where they fall across two of its 1 MB blocks, however the writer cuts its writes.
/// </summary>
public class Utf8TextTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    [InlineData(3 << 20)]
    public void TheText_IsTheBytesWritten_DecodedAsUtf8(int writeSize)
    {
        var text = new StringBuilder();
        var random = new Random(writeSize);
        string[] pieces = ["Crèche « Les Lilas »", "d’urgence", "é", "𝄞", "a", "{\"score\":22}", "Œ"];
        while (text.Length < 3_200_000) text.Append(pieces[random.Next(pieces.Length)]);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        var written = Utf8Text.Write(stream =>
        {
            for (var at = 0; at < bytes.Length; at += writeSize) stream.Write(bytes, at, Math.Min(writeSize, bytes.Length - at));
            stream.Flush();
        });

        Assert.Equal(text.ToString(), written);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ACharacterAcrossTwoBlocks_ComesBackWhole(int bytesBeforeTheBoundary)
    {
        var text = new string('a', (1 << 20) - bytesBeforeTheBoundary) + "𝄞é";

        Assert.Equal(text, Utf8Text.Write(stream => stream.Write(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void NothingWritten_IsTheEmptyText() => Assert.Equal("", Utf8Text.Write(_ => { }));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3_200_000)]
    public void TheTextForStorage_IsCompressedFromItsBlocks_AndReadsBackWhole(int size)
    {
        var text = new StringBuilder();
        var random = new Random(size);
        string[] pieces = ["Crèche « Les Lilas »", "𝄞", "{\"application\":\"DEM-93048-2026-000042\"}", "é"];
        while (text.Length < size) text.Append(pieces[random.Next(pieces.Length)]);

        var written = Utf8Text.WriteStored(stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Equal(text.ToString(), written);
        // The bytes the save will store are those compressed from the blocks (ready: the same array each time).
        var stored = Berceau.Data.Commission.StoredJson.Pack(written);
        Assert.Same(stored, Berceau.Data.Commission.StoredJson.Pack(written));
        Assert.Equal(written, Berceau.Data.Commission.StoredJson.Unpack(stored));
    }
}
