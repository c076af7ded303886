using System.Text;

namespace Berceau.Allocation.Json;

/// <summary>
/// The fast way in for the instances the generator, Berceau and most tools write: reads the bytes itself instead of through
/// <see cref="System.Text.Json.Utf8JsonReader"/>, about three times faster at national scale (docs/performance.md), and gives up
/// (<see cref="TryRead"/> returns null) at the first thing it does not expect — a string with an escape or a non-ASCII byte, a
/// null, an unknown or repeated property, a missing field, a number that is not a plain integer, <c>linkedGroups</c>, or anything
/// that is not valid JSON. <see cref="AllocationJson.ReadInstance"/> then reads the stream again with <see cref="InstanceReader"/>,
/// which knows every rule and error message: this reader only ever accepts documents that reader reads the same way (a property
/// test on mutated documents holds them equal).
/// Streams through a <see cref="StreamWindow"/> like <see cref="InstanceReader"/>: in units (a top-level property, a section, an application) read again from their
/// start when the buffer ends inside them.
/// </summary>
internal sealed class PlainInstanceReader
{
    private readonly StreamWindow _window;
    private byte[] _buffer;
    private int _length;
    private bool _final;
    private int _p;

    private readonly ApplicationTableBuilder _table;
    private int? _version;
    private long? _seed;
    private List<Section>? _sections;
    private bool _applicationsGiven;
    private int _topLevelSeen;
    private bool _afterValue;
    private Step _step = Step.Start;

    private enum Step { Start, Property, Sections, Applications, End, Done }

    private PlainInstanceReader(Stream stream)
    {
        _window = new StreamWindow(stream);
        _buffer = _window.Buffer;
        _table = InstanceReader.TableFor(stream);
    }

    /// <summary>The instance, or null when the document is not of the plain kind this reader knows (the stream is then read partly).</summary>
    public static Instance? TryRead(Stream stream)
    {
        var reader = new PlainInstanceReader(stream);
        using var window = reader._window;
        try
        {
            return reader.ReadAll();
        }
        catch (NotPlain)
        {
            return null;
        }
    }

    private Instance ReadAll()
    {
        _window.Fill();
        Take();
        while (_step != Step.Done)
        {
            var unit = _p;
            try
            {
                ReadUnit();
            }
            catch (NeedMoreData)
            {
                if (_final) throw NotPlain.Instance;
                _table.DiscardRow();
                Refill(unit);
            }
        }
        if (_version is null || _sections is null || !_applicationsGiven) throw NotPlain.Instance;
        return new Instance(_version.Value, _seed, _sections, _table.Build());
    }

    private void ReadUnit()
    {
        switch (_step)
        {
            case Step.Start:
                Expect((byte)'{');
                _step = Step.Property;
                return;
            case Step.Property:
                ReadProperty();
                return;
            case Step.Sections:
                if (NextElement()) _sections!.Add(ReadSection());
                return;
            case Step.Applications:
                if (NextElement()) ReadApplication();
                return;
            case Step.End:
                for (; _p < _length; _p++) if (!IsSpace(_buffer[_p])) throw NotPlain.Instance;
                if (!_final) throw NeedMoreData.Instance;
                _step = Step.Done;
                return;
        }
    }

    private void ReadProperty()
    {
        if (!NextMember()) throw NotPlain.Instance;  // an empty document misses its required properties
        if (_step == Step.End) return;
        var key = Key();
        var bit = key switch
        {
            _ when key.SequenceEqual("version"u8) => 1,
            _ when key.SequenceEqual("seed"u8) => 2,
            _ when key.SequenceEqual("sections"u8) => 4,
            _ when key.SequenceEqual("applications"u8) => 8,
            _ => throw NotPlain.Instance,
        };
        if ((_topLevelSeen & bit) != 0) throw NotPlain.Instance;
        switch (bit)
        {
            case 1: _version = Int32(); break;
            case 2: _seed = Int64(); break;
            case 4:
                Expect((byte)'[');
                _sections = [];
                _step = Step.Sections;
                break;
            default:
                Expect((byte)'[');
                _applicationsGiven = true;
                _step = Step.Applications;
                break;
        }
        _topLevelSeen |= bit;
        _afterValue = _step == Step.Property;
    }

    /// <summary>
    /// Before a member of the top-level object: true when one follows. At the closing brace, moves on to the end and returns true
    /// unless the object is empty.
    /// </summary>
    private bool NextMember()
    {
        SkipSpace();
        var c = _buffer[_p];
        if (c == '}')
        {
            _p++;
            _step = Step.End;
            return _afterValue;
        }
        if (_afterValue)
        {
            if (c != ',') throw NotPlain.Instance;
            _p++;
        }
        return true;
    }

    /// <summary>Before an element of the sections or applications array: true when one follows, false at the closing bracket.</summary>
    private bool NextElement()
    {
        SkipSpace();
        var c = _buffer[_p];
        if (c == ']')
        {
            _p++;
            _step = Step.Property;
            _afterValue = true;
            return false;
        }
        if (_afterValue)
        {
            if (c != ',') throw NotPlain.Instance;
            _p++;
        }
        return true;
    }

    private Section ReadSection()
    {
        Expect((byte)'{');
        string? id = null, structure = null;
        int capacity = 0, minAge = 0, maxAge = 0;
        Reserve[] reserves = [];
        var seen = 0;
        do
        {
            var key = Key();
            int bit;
            if (key.SequenceEqual("id"u8)) { bit = 1; id = String(); }
            else if (key.SequenceEqual("structure"u8)) { bit = 2; structure = String(); }
            else if (key.SequenceEqual("capacity"u8)) { bit = 4; capacity = Int32(); }
            else if (key.SequenceEqual("minAgeMonths"u8)) { bit = 8; minAge = Int32(); }
            else if (key.SequenceEqual("maxAgeMonths"u8)) { bit = 16; maxAge = Int32(); }
            else if (key.SequenceEqual("reserves"u8)) { bit = 32; reserves = ReadReserves(); }
            else throw NotPlain.Instance;
            seen = Once(seen, bit);
        }
        while (MoreMembers());
        if ((seen & 31) != 31) throw NotPlain.Instance;
        _afterValue = true;
        return new Section(id!, structure!, capacity, minAge, maxAge, reserves);
    }

    private Reserve[] ReadReserves()
    {
        var reserves = new List<Reserve>();
        if (!StartArray()) return [];
        do
        {
            Expect((byte)'{');
            string? category = null;
            var seats = 0;
            var seen = 0;
            do
            {
                var key = Key();
                if (key.SequenceEqual("category"u8)) { seen = Once(seen, 1); category = String(); }
                else if (key.SequenceEqual("seats"u8)) { seen = Once(seen, 2); seats = Int32(); }
                else throw NotPlain.Instance;
            }
            while (MoreMembers());
            if (seen != 3) throw NotPlain.Instance;
            reserves.Add(new Reserve(category!, seats));
        }
        while (MoreElements());
        return reserves.ToArray();
    }

    private void ReadApplication()
    {
        Expect((byte)'{');
        int idStart = 0, idLength = 0, age = 0, day = 0;
        long? tieBreak = null;
        var seen = 0;
        do
        {
            var key = Key();
            switch (key.Length)
            {
                case 2 when key.SequenceEqual("id"u8):
                    seen = Once(seen, 1);
                    (idStart, idLength) = StringBytes();
                    break;
                case 16 when key.SequenceEqual("ageMonthsAtStart"u8):
                    seen = Once(seen, 2);
                    age = Int32();
                    break;
                case 9 when key.SequenceEqual("submitted"u8):
                    seen = Once(seen, 4);
                    var (start, length) = StringBytes();
                    if (!InstanceReader.TryParseDate(_buffer.AsSpan(start, length), out day)) throw NotPlain.Instance;
                    break;
                case 10 when key.SequenceEqual("categories"u8):
                    seen = Once(seen, 8);
                    ReadCategories();
                    break;
                case 8 when key.SequenceEqual("tieBreak"u8):
                    seen = Once(seen, 16);
                    tieBreak = Int64();
                    break;
                case 6 when key.SequenceEqual("wishes"u8):
                    seen = Once(seen, 32);
                    ReadWishes();
                    break;
                default:
                    throw NotPlain.Instance;
            }
        }
        while (MoreMembers());
        if ((seen & 39) != 39) throw NotPlain.Instance;  // id, age, submitted and wishes are required
        _table.EndRow(_buffer.AsSpan(idStart, idLength), age, day, tieBreak);
        _afterValue = true;
    }

    private void ReadCategories()
    {
        if (!StartArray()) return;
        do
        {
            var (start, length) = StringBytes();
            _table.AddCategory(_table.CategoryIndex(_buffer.AsSpan(start, length)));
        }
        while (MoreElements());
    }

    private void ReadWishes()
    {
        if (!StartArray()) return;
        do
        {
            if (!TryReadCompactWish()) ReadWish();
        }
        while (MoreElements());
    }

    private static ReadOnlySpan<byte> CompactWishStart => "{\"structure\":\""u8;
    private static ReadOnlySpan<byte> CompactScore => "\",\"score\":"u8;

    /// <summary>
    /// A wish written exactly <c>{"structure":"…","score":n}</c>, as the generator and Berceau write six million of them, read by
    /// comparing its fixed parts at once; anything else (spaces, another order, the buffer's end) is left to <see cref="ReadWish"/>.
    /// </summary>
    private bool TryReadCompactWish()
    {
        var buffer = _buffer;
        var wish = _p;
        if (wish + CompactWishStart.Length > _length || !buffer.AsSpan(wish, CompactWishStart.Length).SequenceEqual(CompactWishStart)) return false;
        var start = wish + CompactWishStart.Length;
        var length = buffer.AsSpan(start, _length - start).IndexOfAny((byte)'"', (byte)'\\');
        if (length < 0 || buffer[start + length] != '"' || buffer.AsSpan(start, length).ContainsAnyExceptInRange((byte)0x20, (byte)0x7F)) return false;
        var after = start + length;
        if (after + CompactScore.Length > _length || !buffer.AsSpan(after, CompactScore.Length).SequenceEqual(CompactScore)) return false;
        _p = after + CompactScore.Length;
        var score = Int32();
        if (buffer[_p] != '}')
        {
            _p = wish;
            return false;
        }
        _p++;
        _table.AddWish(_table.NameIndex(buffer.AsSpan(start, length)), score);
        return true;
    }

    private void ReadWish()
    {
        Expect((byte)'{');
        int name = 0, score = 0, seen = 0;
        do
        {
            var key = Key();
            if (key.Length == 9 && key.SequenceEqual("structure"u8))
            {
                seen = Once(seen, 1);
                var (start, length) = StringBytes();
                name = _table.NameIndex(_buffer.AsSpan(start, length));
            }
            else if (key.Length == 5 && key.SequenceEqual("score"u8))
            {
                seen = Once(seen, 2);
                score = Int32();
            }
            else
            {
                throw NotPlain.Instance;
            }
        }
        while (MoreMembers());
        if (seen != 3) throw NotPlain.Instance;
        _table.AddWish(name, score);
    }

    private static int Once(int seen, int bit) => (seen & bit) == 0 ? seen | bit : throw NotPlain.Instance;

    /// <summary>After '[': true when an element follows, false for an empty array (consumed).</summary>
    private bool StartArray()
    {
        Expect((byte)'[');
        SkipSpace();
        if (_buffer[_p] != ']') return true;
        _p++;
        return false;
    }

    /// <summary>After an element: true after a comma, false after the closing bracket.</summary>
    private bool MoreElements() => More((byte)']');

    /// <summary>After a member's value: true after a comma, false after the closing brace.</summary>
    private bool MoreMembers() => More((byte)'}');

    private bool More(byte close)
    {
        SkipSpace();
        var c = _buffer[_p++];
        if (c == ',') return true;
        if (c == close) return false;
        throw NotPlain.Instance;
    }

    /// <summary>A member's name and its colon; a name with an escape or outside ASCII is not plain.</summary>
    private ReadOnlySpan<byte> Key()
    {
        var (start, length) = StringBytes();
        Expect((byte)':');
        return _buffer.AsSpan(start, length);
    }

    private string String()
    {
        var (start, length) = StringBytes();
        return Encoding.ASCII.GetString(_buffer, start, length);
    }

    /// <summary>Where a string's bytes are in the buffer: printable ASCII without escapes, so its bytes are its text.</summary>
    private (int Start, int Length) StringBytes()
    {
        Expect((byte)'"');
        var start = _p;
        var length = _buffer.AsSpan(start, _length - start).IndexOfAny((byte)'"', (byte)'\\');
        // Plain: no escape, no control character (invalid in JSON strings), nothing beyond ASCII.
        if (length >= 0 && _buffer[start + length] == '\\'
            || _buffer.AsSpan(start, length >= 0 ? length : _length - start).ContainsAnyExceptInRange((byte)0x20, (byte)0x7F)) throw NotPlain.Instance;
        if (length < 0) throw NeedMoreData.Instance;
        _p = start + length + 1;
        return (start, length);
    }

    private int Int32()
    {
        var value = Integer(10);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw NotPlain.Instance;
    }

    private long Int64() => Integer(18);

    /// <summary>
    /// A JSON integer of at most <paramref name="maxDigits"/> digits (a longer one, a fraction or an exponent is not plain). The
    /// byte after it must be in the buffer: "12" at a buffer's end may go on as "123".
    /// </summary>
    private long Integer(int maxDigits)
    {
        SkipSpace();
        var buffer = _buffer;
        var p = _p;
        var negative = buffer[p] == '-';
        if (negative) p++;
        var first = p;
        long value = 0;
        for (; p < _length && buffer[p] is >= (byte)'0' and <= (byte)'9'; p++) value = value * 10 + (buffer[p] - '0');
        if (p == _length) throw NeedMoreData.Instance;
        var digits = p - first;
        if (digits == 0 || digits > maxDigits || (digits > 1 && buffer[first] == '0')) throw NotPlain.Instance;
        if (buffer[p] is (byte)'.' or (byte)'e' or (byte)'E') throw NotPlain.Instance;
        _p = p;
        return negative ? -value : value;
    }

    private void Expect(byte c)
    {
        SkipSpace();
        if (_buffer[_p] != c) throw NotPlain.Instance;
        _p++;
    }

    /// <summary>Moves past JSON whitespace to the next byte, which must be in the buffer.</summary>
    private void SkipSpace()
    {
        if (_p < _length && _buffer[_p] > (byte)' ') return;  // nearly always: the generator and most tools write compact JSON
        while (_p < _length && IsSpace(_buffer[_p])) _p++;
        if (_p == _length) throw NeedMoreData.Instance;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    /// <summary>Keeps the unit's bytes and reads more after them; the cursor goes back to the unit's start.</summary>
    private void Refill(int unit)
    {
        _window.KeepFrom(unit);
        Take();
        _p = 0;
    }

    /// <summary>The window's buffer and length, copied here because the scanning loops read them at every byte.</summary>
    private void Take() => (_buffer, _length, _final) = (_window.Buffer, _window.Length, _window.Final);

    /// <summary>The buffer ended inside a unit: thrown once per megabyte or so.</summary>
    private sealed class NeedMoreData : Exception
    {
        public static readonly NeedMoreData Instance = new();
    }

    /// <summary>The document is not of the plain kind: thrown at most once per read.</summary>
    private sealed class NotPlain : Exception
    {
        public static readonly NotPlain Instance = new();
    }
}
