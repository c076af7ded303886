using System.Buffers;
using static Berceau.Allocation.Json.RawJson;

namespace Berceau.Allocation.Json;

/// <summary>
/// The assignments, the unassigned and the drawn tie-breaks written as bytes from the solver's arrays (see <see cref="RawJson"/>):
/// a national result has half a million assignments and a million tie-breaks. Each list is appended as <c>,"name":…</c> after
/// a property the caller's writer has written and flushed. The bytes are the generated serialiser's (a test holds them equal).
/// </summary>
internal static class ResultListsWriter
{
    private static readonly Short ApplicationStart = Short.Of("{\"application\":\""u8);
    private static readonly Short StructureStart = Short.Of("\",\"structure\":\""u8);
    private static readonly Short SectionStart = Short.Of("\",\"section\":\""u8);
    private static readonly Short WishRankStart = Short.Of("\",\"wishRank\":"u8);
    private static readonly byte[] ViaReserveStart = ",\"viaReserve\":\""u8.ToArray();

    public static void WriteAssignments(IBufferWriter<byte> buffer, AssignmentList assignments)
    {
        assignments.PrepareToReadAll();
        var sections = assignments.Sections;
        var sectionIds = new byte[sections.Count][];
        var structures = new byte[sections.Count][];
        var room = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            (sectionIds[s], structures[s]) = (Escaped(sections[s].Id), Escaped(sections[s].Structure));
            room = Math.Max(room, sectionIds[s].Length + structures[s].Length);
        }
        var categories = Array.ConvertAll(assignments.CategoryNames, Escaped);
        var shortSections = Array.ConvertAll(sectionIds, id => Short.IfFits(id));
        var shortStructures = Array.ConvertAll(structures, name => Short.IfFits(name));
        room += 100 + ShortRoom + NumberRoom + categories.Select(c => c.Length).DefaultIfEmpty(0).Max();
        Copy(buffer, ",\"assignments\":["u8);
        for (var k = 0; k < assignments.Count; k++)
        {
            var section = assignments.SectionAt(k, out var wishRank, out var via);
            var id = assignments.IdUtf8At(k);
            var span = buffer.GetSpan(room + TextRoom(id.Length));
            var at = 0;
            if (k > 0) span[at++] = (byte)',';
            PutShort(span, ref at, ApplicationStart);
            PutText(span, ref at, id);
            PutShort(span, ref at, StructureStart);
            PutFragment(span, ref at, shortStructures[section], structures[section]);
            PutShort(span, ref at, SectionStart);
            PutFragment(span, ref at, shortSections[section], sectionIds[section]);
            PutShort(span, ref at, WishRankStart);
            PutNumber(span, ref at, wishRank);
            if (via >= 0)
            {
                Put(span, ref at, ViaReserveStart);
                Put(span, ref at, categories[via]);
                span[at++] = (byte)'"';
            }
            span[at++] = (byte)'}';
            buffer.Advance(at);
        }
        Copy(buffer, "]"u8);
    }

    public static void WriteUnassigned(IBufferWriter<byte> buffer, IdList ids)
    {
        Copy(buffer, ",\"unassigned\":["u8);
        for (var k = 0; k < ids.Count; k++)
        {
            var id = ids.IdUtf8At(k);
            var span = buffer.GetSpan(4 + TextRoom(id.Length));
            var at = 0;
            if (k > 0) span[at++] = (byte)',';
            span[at++] = (byte)'"';
            PutText(span, ref at, id);
            span[at++] = (byte)'"';
            buffer.Advance(at);
        }
        Copy(buffer, "]"u8);
    }

    public static void WriteTieBreaks(IBufferWriter<byte> buffer, SortedTieBreaks drawn)
    {
        Copy(buffer, ",\"tieBreaks\":{"u8);
        for (var k = 0; k < drawn.Count; k++)
        {
            var id = drawn.IdUtf8At(k);
            var span = buffer.GetSpan(4 + TextRoom(id.Length) + NumberRoom);
            var at = 0;
            if (k > 0) span[at++] = (byte)',';
            span[at++] = (byte)'"';
            PutText(span, ref at, id);
            span[at++] = (byte)'"';
            span[at++] = (byte)':';
            PutNumber(span, ref at, drawn.ValueAt(k));
            buffer.Advance(at);
        }
        Copy(buffer, "}"u8);
    }
}
