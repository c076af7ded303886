using System.Buffers;
using System.Text.Json;
using static Berceau.Allocation.Json.RawJson;

namespace Berceau.Allocation.Json;

/// <summary>
/// Writes the <c>explanations</c> property as bytes copied from fragments escaped once, without <see cref="Utf8JsonWriter"/>: at
/// national scale it is six million small objects, and the writer's checks and bookkeeping per value cost more than the bytes
/// themselves. The output is the bytes the generated serialiser gives for <see cref="Explanation"/> (a test holds them equal):
/// compact, names in the contract's order, optional numbers left out when null, strings escaped by the default encoder.
/// </summary>
internal static class ExplanationsWriter
{
    /// <summary>Room for one wish line besides its structure name: the fixed text and three numbers of at most eleven characters.</summary>
    private const int LineRoom = 160;

    private static readonly byte[] Start = ",\"explanations\":["u8.ToArray();
    private static readonly byte[] ApplicationStart = "{\"application\":\""u8.ToArray();
    private static readonly byte[] WishesStart = "\",\"wishes\":["u8.ToArray();
    private static readonly byte[] RankStart = "{\"rank\":"u8.ToArray();
    private static readonly byte[] StructureStart = ",\"structure\":\""u8.ToArray();
    private static readonly byte[] YourScore = ",\"yourScore\":"u8.ToArray();
    private static readonly byte[] CutoffScore = ",\"cutoffScore\":"u8.ToArray();
    private static readonly byte[] WaitlistPosition = ",\"waitlistPosition\":"u8.ToArray();

    /// <summary>From the closing quote of the structure name to the end of the line, by outcome (the numbers of "full" follow).</summary>
    private static readonly byte[][] OutcomeText =
    [
        "\",\"outcome\":\"assigned\"}"u8.ToArray(),
        "\",\"outcome\":\"not-needed\"}"u8.ToArray(),
        "\",\"outcome\":\"full\""u8.ToArray(),
        "\",\"outcome\":\"not-eligible-age\"}"u8.ToArray(),
        "\",\"outcome\":\"not-together\"}"u8.ToArray(),
    ];

    /// <summary>
    /// Appends <c>,"explanations":[…]</c> to <paramref name="buffer"/>, after a property the caller's writer has written and
    /// flushed: the writer then goes on with a comma of its own before its next property, as it would have anyway.
    /// </summary>
    public static void Write(IBufferWriter<byte> buffer, ExplanationList explanations)
    {
        explanations.PrepareToReadAll();
        var names = Array.ConvertAll(explanations.Names, Escaped);
        var lineRoom = LineRoom + names.Select(name => name.Length).DefaultIfEmpty(0).Max();
        Copy(buffer, Start);
        for (var p = 0; p < explanations.Count; p++)
        {
            var id = explanations.ApplicationUtf8At(p);
            var spot = explanations.Locate(p);
            var count = spot.Count;
            var span = buffer.GetSpan(64 + TextRoom(id.Length) + count * lineRoom);
            var at = 0;
            if (p > 0) span[at++] = (byte)',';
            Put(span, ref at, ApplicationStart);
            PutText(span, ref at, id);
            Put(span, ref at, WishesStart);
            for (var k = 0; k < count; k++)
            {
                if (k > 0) span[at++] = (byte)',';
                var line = explanations.Line(spot, k, out var name);
                Put(span, ref at, RankStart);
                PutNumber(span, ref at, line.Rank);
                Put(span, ref at, StructureStart);
                Put(span, ref at, names[name]);
                Put(span, ref at, OutcomeText[(int)line.Outcome]);
                if (line.Outcome != WishOutcome.Full) continue;
                if (line.YourScore is { } yourScore) { Put(span, ref at, YourScore); PutNumber(span, ref at, yourScore); }
                if (line.CutoffScore is { } cutoffScore) { Put(span, ref at, CutoffScore); PutNumber(span, ref at, cutoffScore); }
                if (line.WaitlistPosition is { } position) { Put(span, ref at, WaitlistPosition); PutNumber(span, ref at, position); }
                span[at++] = (byte)'}';
            }
            span[at++] = (byte)']';
            span[at++] = (byte)'}';
            buffer.Advance(at);
        }
        Copy(buffer, "]"u8);
    }
}
