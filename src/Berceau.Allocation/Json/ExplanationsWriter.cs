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
    /// <summary><c>{"rank":k,"structure":"</c> for the first ranks, which every application has: one copy instead of three.</summary>
    private static readonly Short[] RankThenStructure = Enumerable.Range(1, 32)
        .Select(rank => Short.Of([.. RankStart, .. System.Text.Encoding.ASCII.GetBytes(rank.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. StructureStart]))
        .ToArray();
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

    private static readonly Short[] ShortOutcome = Array.ConvertAll(OutcomeText, text => Short.Of(text));
    private static readonly Short ShortYourScore = Short.Of(YourScore), ShortCutoffScore = Short.Of(CutoffScore),
        ShortWaitlistPosition = Short.Of(WaitlistPosition);

    /// <summary>
    /// Appends <c>,"explanations":[…]</c> to <paramref name="buffer"/>, after a property the caller's writer has written and
    /// flushed: the writer then goes on with a comma of its own before its next property, as it would have anyway.
    /// </summary>
    public static void Write(IBufferWriter<byte> buffer, ExplanationList explanations)
    {
        var (table, byId, codes, sections, cutoffs) = explanations.ReadAll();
        var names = Array.ConvertAll(explanations.Names, Escaped);
        var shortNames = Array.ConvertAll(names, name => Short.IfFits(name));
        var lineRoom = LineRoom + ShortRoom + names.Select(name => name.Length).DefaultIfEmpty(0).Max();
        Copy(buffer, Start);
        for (var p = 0; p < byId.Length; p++)
        {
            var i = byId[p];
            var id = table.IdUtf8(i);
            var first = table.WishStart[i];
            var count = table.WishStart[i + 1] - first;
            var span = buffer.GetSpan(64 + TextRoom(id.Length) + count * lineRoom);
            var at = 0;
            if (p > 0) span[at++] = (byte)',';
            Put(span, ref at, ApplicationStart);
            PutText(span, ref at, id);
            Put(span, ref at, WishesStart);
            for (var k = 0; k < count; k++)
            {
                if (k > 0) span[at++] = (byte)',';
                var x = first + k;
                if (k < RankThenStructure.Length) PutShort(span, ref at, RankThenStructure[k]);
                else
                {
                    Put(span, ref at, RankStart);
                    PutNumber(span, ref at, k + 1);
                    Put(span, ref at, StructureStart);
                }
                var name = table.WishName[x];
                PutFragment(span, ref at, shortNames[name], names[name]);
                var code = codes[x];
                switch (code)
                {
                    case AllLines.Assigned:
                        PutShort(span, ref at, ShortOutcome[(int)WishOutcome.Assigned]);
                        continue;
                    case AllLines.NotNeeded:
                        PutShort(span, ref at, ShortOutcome[(int)WishOutcome.NotNeeded]);
                        continue;
                    case AllLines.NotEligible:
                        PutShort(span, ref at, ShortOutcome[(int)WishOutcome.NotEligibleAge]);
                        continue;
                }
                // Refused: the code is the waitlist position.
                PutShort(span, ref at, ShortOutcome[(int)WishOutcome.Full]);
                PutShort(span, ref at, ShortYourScore);
                PutNumber(span, ref at, table.WishScore[x]);
                if (cutoffs[sections[x]] is { } cutoffScore) { PutShort(span, ref at, ShortCutoffScore); PutNumber(span, ref at, cutoffScore); }
                PutShort(span, ref at, ShortWaitlistPosition);
                PutNumber(span, ref at, code);
                span[at++] = (byte)'}';
            }
            span[at++] = (byte)']';
            span[at++] = (byte)'}';
            buffer.Advance(at);
        }
        Copy(buffer, "]"u8);
    }
}
