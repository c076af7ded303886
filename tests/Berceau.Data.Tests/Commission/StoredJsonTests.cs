using System.Text;
using Berceau.Data.Commission;

namespace Berceau.Data.Tests.Commission;

/// <summary>
/// The engine's instances and results are stored compressed (<see cref="StoredJson"/>): replays compare them byte for byte, so
/// every document must read back as the very string stored; documents stored before, as text, must read as they are.
/// </summary>
public sealed class StoredJsonTests
{
    private static readonly string[] Pieces =
        ["{\"id\":\"", "DEM-93048-2026-000042", "\",\"score\":", "62", ",", "}", "[", "]", "é", "è", "«\u00a0", "\u00a0»", "’", "😀", "\\\"", "\n", "\t", " ",
         "73dc15da-6e61-4cbe-b823-3069b052a796", "crèche « Les Lilas »", "Œ", "ß", "中"];

    [Fact]
    public void EveryDocument_ReadsBackAsTheStringStored_FromFewerBytes()
    {
        var random = new Random(20261125);
        for (var draw = 0; draw < 2_000; draw++)
        {
            var json = new StringBuilder();
            var pieces = random.Next(0, draw < 1_900 ? 200 : 50_000);
            for (var i = 0; i < pieces; i++) json.Append(Pieces[random.Next(Pieces.Length)]);
            var text = json.ToString();

            var stored = StoredJson.Pack(text);

            Assert.Equal(text, StoredJson.Unpack(stored));
            Assert.Equal(0x01, stored[0]);
            if (pieces >= 10_000) Assert.True(stored.Length < Encoding.UTF8.GetByteCount(text) / 4, $"{stored.Length} bytes for {text.Length} characters");
        }
    }

    [Fact]
    public void ADocumentCompressedAhead_IsStoredFromThoseBytes()
    {
        var json = "{\"version\":1,\"note\":\"compressé d’avance\"}" + Guid.NewGuid();

        Assert.Same(json, StoredJson.PackAhead(json, [Encoding.UTF8.GetBytes(json)]));

        var stored = StoredJson.Pack(json);
        Assert.Same(stored, StoredJson.Pack(json));
        Assert.Equal(json, StoredJson.Unpack(stored));
        // Another string with the same characters is compressed again: the bytes ready are those of that very string.
        Assert.NotSame(stored, StoredJson.Pack(new string(json.AsSpan())));
    }

    [Fact]
    public void ADocumentStoredAsText_ReadsAsItIs()
    {
        const string json = "{\"version\":1,\"applications\":[{\"id\":\"DEM-1\",\"name\":\"Zoé « Éléonore »\"}]}";

        Assert.Equal(json, StoredJson.Unpack(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("", StoredJson.Unpack([]));
    }

    [Fact]
    public void ACompressedDocumentCutShort_IsRefused_NeverReadAsAnotherDocument()
    {
        var stored = StoredJson.Pack("{\"assignments\":[" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"{{\"application\":\"DEM-{i}\"}}")) + "]}");

        Assert.Throws<InvalidDataException>(() => StoredJson.Unpack(stored[..(stored.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => StoredJson.Unpack(stored[..3]));
    }
}
