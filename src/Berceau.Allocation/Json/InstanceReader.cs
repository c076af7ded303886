using System.Text.Json;

namespace Berceau.Allocation.Json;

/// <summary>
/// Reads an instance from a stream straight into columns (<see cref="ApplicationTable"/>), a megabyte at a time: a national instance
/// (300 MB, a million applications, six million wishes) becomes a few arrays instead of millions of objects, which on this VM is most
/// of the reading time (docs/performance.md). The document is read in <b>units</b> (a top-level property, a section, an application):
/// when the buffer ends inside one, the unit is forgotten and read again once more bytes are in.
/// Same rules as the contract's reader always had: unknown properties skipped, the last of a repeated property wins, a missing or
/// null required field reported with its path (up to 20, in document order), a value of the wrong type or malformed JSON stops the
/// reading with its path.
/// </summary>
internal sealed class InstanceReader
{
    private readonly StreamWindow _window;

    private readonly ErrorList _errors = new();
    private readonly ApplicationTableBuilder _table;
    private readonly List<(int Field, string Path)> _missing = [];
    private byte[] _id = new byte[64];
    private int _idLength;
    private int? _version;
    private long? _seed;
    private List<Section>? _sections;
    private bool _applicationsGiven;
    private List<LinkedGroupDto?>? _linkedGroups;
    private int _application;
    private Step _step = Step.Start;
    private bool _nullDocument;

    private enum Step { Start, Property, Sections, Applications, End, Done }

    private InstanceReader(Stream stream)
    {
        _window = new StreamWindow(stream);
        _table = TableFor(stream);
    }

    /// <summary>Room is reserved from the file's size (about 300 bytes an application, 50 a wish) and touched only where written.</summary>
    internal static ApplicationTableBuilder TableFor(Stream stream)
    {
        var length = stream.CanSeek ? stream.Length - stream.Position : 0;
        return new ApplicationTableBuilder((int)Math.Clamp(length / 200, 16, 1 << 26), (int)Math.Clamp(length / 35, 64, 1 << 28));
    }

    public static InstanceReading Read(Stream stream)
    {
        var reader = new InstanceReader(stream);
        using (reader._window) return reader.ReadAll();
    }

    private InstanceReading ReadAll()
    {
        var state = new JsonReaderState();
        var offset = 0;
        _window.Fill();
        try
        {
            while (_step != Step.Done)
            {
                var reader = new Utf8JsonReader(_window.Buffer.AsSpan(offset, _window.Length - offset), _window.Final, state);
                long committed = 0;
                try
                {
                    while (_step != Step.Done)
                    {
                        ReadUnit(ref reader);
                        committed = reader.BytesConsumed;
                        state = reader.CurrentState;
                    }
                }
                catch (NeedMoreData)
                {
                    _table.DiscardRow();
                    offset += (int)committed;
                    if (_window.Final) throw new JsonException("Fin de fichier inattendue.", null, null, null);
                    _window.KeepFrom(offset);
                    offset = 0;
                }
            }
        }
        catch (JsonException e)
        {
            return Failed(new InstanceError(UnitPath(), "invalid-json",
                $"JSON illisible (ligne {e.LineNumber + 1 ?? 1}, position {e.BytePositionInLine + 1 ?? 1}) : syntaxe incorrecte."));
        }
        catch (WrongType e)
        {
            return Failed(new InstanceError(e.Path, "invalid-json", $"valeur d’un type inattendu : {e.Expected} attendu."));
        }

        if (_nullDocument) return Failed(InstanceErrors.Missing("$"));
        if (_version is null) _errors.Add(ErrorList.Top(0), InstanceErrors.Missing("version"));
        if (_sections is null) _errors.Add(ErrorList.Top(2), InstanceErrors.Missing("sections"));
        if (!_applicationsGiven) _errors.Add(ErrorList.Top(3), InstanceErrors.Missing("applications"));
        var groups = LinkedGroupsJson.ToGroups(_linkedGroups, _errors);
        if (_errors.Any) return new InstanceReading(null, _errors.InDocumentOrder());
        return new InstanceReading(new Instance(_version!.Value, _seed, _sections!, _table.Build()) { LinkedGroups = groups }, []);
    }

    private static InstanceReading Failed(InstanceError error) => new(null, [error]);

    private string UnitPath() => _step switch
    {
        Step.Sections => $"sections[{_sections!.Count}]",
        Step.Applications => $"applications[{_application}]",
        _ => "$",
    };

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw NeedMoreData.Instance;
    }

    private void ReadUnit(ref Utf8JsonReader reader)
    {
        switch (_step)
        {
            case Step.Start:
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.Null) _nullDocument = true;
                else if (reader.TokenType != JsonTokenType.StartObject) throw new WrongType("$", "un objet");
                _step = _nullDocument ? Step.End : Step.Property;
                return;
            case Step.Property:
                ReadProperty(ref reader);
                return;
            case Step.Sections:
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) _step = Step.Property;
                else _sections!.Add(ReadSection(ref reader, _sections.Count));
                return;
            case Step.Applications:
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) _step = Step.Property;
                else ReadApplication(ref reader, _application++);
                return;
            case Step.End:
                // Only whitespace may follow the document: the reader throws on anything else.
                if (reader.Read()) throw new JsonException();
                if (!_window.Final) throw NeedMoreData.Instance;
                _step = Step.Done;
                return;
        }
    }

    private void ReadProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            _step = Step.End;
            return;
        }
        if (reader.ValueTextEquals("version"u8)) _version = Int32(ref reader, "version");
        else if (reader.ValueTextEquals("seed"u8)) _seed = Int64(ref reader, "seed");
        else if (reader.ValueTextEquals("sections"u8))
        {
            if (StartArray(ref reader, "sections"))
            {
                _sections = [];
                _step = Step.Sections;
            }
            else
            {
                _sections = null;
            }
        }
        else if (reader.ValueTextEquals("linkedGroups"u8)) _linkedGroups = ReadLinkedGroups(ref reader);
        else if (reader.ValueTextEquals("applications"u8))
        {
            _applicationsGiven = StartArray(ref reader, "applications");
            if (_applicationsGiven) _step = Step.Applications;
        }
        else
        {
            Skip(ref reader);
        }
    }

    /// <summary>The extension's groups (docs/allocation-linked.md): small, so read whole by the generated serialiser.</summary>
    private static List<LinkedGroupDto?>? ReadLinkedGroups(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        var ahead = reader;
        if (!ahead.TrySkip()) throw NeedMoreData.Instance;
        try
        {
            return JsonSerializer.Deserialize(ref reader, AllocationJsonContext.Default.ListLinkedGroupDto);
        }
        catch (JsonException e)
        {
            var inner = e.Path is null or "$" ? "" : e.Path[1..];
            throw new WrongType($"linkedGroups{inner}", "une liste de groupes { id, applications }");
        }
    }

    private Section ReadSection(ref Utf8JsonReader reader, int i)
    {
        var path = $"sections[{i}]";
        if (reader.TokenType == JsonTokenType.Null)
        {
            _errors.Add(ErrorList.InSection(i, 0), InstanceErrors.Missing(path));
            return null!;
        }
        if (reader.TokenType != JsonTokenType.StartObject) throw new WrongType(path, "un objet");
        string? id = null, structure = null;
        int? capacity = null, minAge = null, maxAge = null;
        List<(string? Category, int? Seats)>? reserves = null;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            if (reader.ValueTextEquals("id"u8)) id = String(ref reader, $"{path}.id");
            else if (reader.ValueTextEquals("structure"u8)) structure = String(ref reader, $"{path}.structure");
            else if (reader.ValueTextEquals("capacity"u8)) capacity = Int32(ref reader, $"{path}.capacity");
            else if (reader.ValueTextEquals("minAgeMonths"u8)) minAge = Int32(ref reader, $"{path}.minAgeMonths");
            else if (reader.ValueTextEquals("maxAgeMonths"u8)) maxAge = Int32(ref reader, $"{path}.maxAgeMonths");
            else if (reader.ValueTextEquals("reserves"u8)) reserves = ReadReserves(ref reader, path);
            else Skip(ref reader);
        }
        if (id is null) Missing(0, "id");
        if (structure is null) Missing(1, "structure");
        if (capacity is null) Missing(2, "capacity");
        if (minAge is null) Missing(3, "minAgeMonths");
        if (maxAge is null) Missing(4, "maxAgeMonths");
        var list = new Reserve[reserves?.Count ?? 0];
        for (var j = 0; j < list.Length; j++)
        {
            var (category, seats) = reserves![j];
            if (category is null) Missing(6 + 2 * j, $"reserves[{j}].category");
            if (seats is null) Missing(7 + 2 * j, $"reserves[{j}].seats");
            list[j] = new Reserve(category!, seats ?? 0);
        }
        return new Section(id!, structure!, capacity ?? 0, minAge ?? 0, maxAge ?? 0, list);

        void Missing(int field, string name) => _errors.Add(ErrorList.InSection(i, field), InstanceErrors.Missing($"{path}.{name}"));
    }

    private List<(string?, int?)>? ReadReserves(ref Utf8JsonReader reader, string section)
    {
        if (!StartArray(ref reader, $"{section}.reserves")) return null;
        var reserves = new List<(string?, int?)>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return reserves;
            var path = $"{section}.reserves[{reserves.Count}]";
            if (reader.TokenType != JsonTokenType.StartObject) throw new WrongType(path, "un objet");
            string? category = null;
            int? seats = null;
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("category"u8)) category = String(ref reader, $"{path}.category");
                else if (reader.ValueTextEquals("seats"u8)) seats = Int32(ref reader, $"{path}.seats");
                else Skip(ref reader);
            }
            reserves.Add((category, seats));
        }
    }

    /// <summary>
    /// One application into the table. Paths are built only for a faulty value: a million applications must not cost seventeen
    /// million strings. Missing values are kept aside and reported once the whole application is read, so that reading a unit
    /// again after a refill never reports twice.
    /// </summary>
    private void ReadApplication(ref Utf8JsonReader reader, int i)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            _errors.Add(ErrorList.InApplication(i, 0), InstanceErrors.Missing($"applications[{i}]"));
            _table.AddAbsent();
            return;
        }
        if (reader.TokenType != JsonTokenType.StartObject) throw new WrongType($"applications[{i}]", "un objet");
        _missing.Clear();
        var hasId = false;
        int? age = null, day = null;
        long? tieBreak = null;
        var wishes = false;
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            if (reader.ValueTextEquals("id"u8)) hasId = Id(ref reader, i);
            else if (reader.ValueTextEquals("ageMonthsAtStart"u8)) age = Int32(ref reader, Place.Application(i, "ageMonthsAtStart"));
            else if (reader.ValueTextEquals("submitted"u8)) day = Date(ref reader, i);
            else if (reader.ValueTextEquals("categories"u8)) ReadCategories(ref reader, i);
            else if (reader.ValueTextEquals("tieBreak"u8)) tieBreak = Int64(ref reader, Place.Application(i, "tieBreak"));
            else if (reader.ValueTextEquals("wishes"u8)) wishes = ReadWishes(ref reader, i);
            else Skip(ref reader);
        }
        if (!hasId) _missing.Add((0, "id"));
        if (age is null) _missing.Add((1, "ageMonthsAtStart"));
        if (day is null) _missing.Add((2, "submitted"));
        if (!wishes) _missing.Add((5, "wishes"));
        foreach (var (field, name) in _missing)
            _errors.Add(ErrorList.InApplication(i, field), InstanceErrors.Missing($"applications[{i}].{name}"));
        if (hasId) _table.EndRow(_id.AsSpan(0, _idLength), age ?? 0, day ?? 0, tieBreak, hasWishList: wishes);
        else _table.EndRow((string?)null, age ?? 0, day ?? 0, tieBreak, hasWishList: wishes);
    }

    /// <summary>An id, unescaped, as UTF-8 bytes into <see cref="_id"/>; false when null.</summary>
    private bool Id(ref Utf8JsonReader reader, int i)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.String) throw new WrongType($"applications[{i}].id", "une chaîne");
        var bytes = Plain(ref reader) ? reader.ValueSpan : System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
        if (bytes.Length > _id.Length) _id = new byte[bytes.Length];
        bytes.CopyTo(_id);
        _idLength = bytes.Length;
        return true;
    }

    private void ReadCategories(ref Utf8JsonReader reader, int i)
    {
        // A repeated "categories" property: the last one wins, as for every other property.
        _table.DiscardCategories();
        if (!StartArray(ref reader, Place.Application(i, "categories"))) return;
        for (var c = 0; ; c++)
        {
            Next(ref reader);
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray: return;
                case JsonTokenType.Null: _table.AddCategory(ApplicationTable.Missing); break;
                case JsonTokenType.String: _table.AddCategory(Plain(ref reader) ? _table.CategoryIndex(reader.ValueSpan) : _table.CategoryIndex(reader.GetString()!)); break;
                default: throw new WrongType($"applications[{i}].categories[{c}]", "une chaîne");
            }
        }
    }

    /// <summary>False when the wishes are null (missing); a wish without structure or score is noted missing.</summary>
    private bool ReadWishes(ref Utf8JsonReader reader, int i)
    {
        _table.DiscardWishes();
        _missing.RemoveAll(m => m.Field >= 6);
        if (!StartArray(ref reader, Place.Application(i, "wishes"))) return false;
        for (var k = 0; ; k++)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType != JsonTokenType.StartObject) throw new WrongType($"applications[{i}].wishes[{k}]", "un objet");
            var name = ApplicationTable.Missing;
            int? score = null;
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("structure"u8))
                {
                    Next(ref reader);
                    name = reader.TokenType switch
                    {
                        JsonTokenType.String => Plain(ref reader) ? _table.NameIndex(reader.ValueSpan) : _table.NameIndex(reader.GetString()!),
                        JsonTokenType.Null => ApplicationTable.Missing,
                        _ => throw new WrongType($"applications[{i}].wishes[{k}].structure", "une chaîne"),
                    };
                }
                else if (reader.ValueTextEquals("score"u8)) score = Int32(ref reader, Place.Wish(i, k, "score"));
                else Skip(ref reader);
            }
            if (name == ApplicationTable.Missing) _missing.Add((6 + k, $"wishes[{k}].structure"));
            if (score is null) _missing.Add((6 + k, $"wishes[{k}].score"));
            _table.AddWish(name, score ?? 0);
        }
    }

    /// <summary>A string whose bytes are its UTF-8 text (nearly always): a name is then numbered without making a string of it.</summary>
    private static bool Plain(ref Utf8JsonReader reader) => !reader.ValueIsEscaped && System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);

    private static int? Date(ref Utf8JsonReader reader, int i)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && TryParseDate(reader.ValueSpan, out var day)) return day;
        throw new WrongType($"applications[{i}].submitted", "une date AAAA-MM-JJ");
    }

    /// <summary>Exactly yyyy-MM-dd, a real date.</summary>
    internal static bool TryParseDate(ReadOnlySpan<byte> text, out int dayNumber)
    {
        dayNumber = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dayNumber = new DateOnly(year, month, day).DayNumber;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
            value = value * 10 + (b - '0');
        }
        return true;
    }

    private static string? String(ref Utf8JsonReader reader, Place path)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new WrongType(path.ToString(), "une chaîne"),
        };
    }

    private static int? Int32(ref Utf8JsonReader reader, Place path)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw new WrongType(path.ToString(), "un nombre entier"),
        };
    }

    private static long? Int64(ref Utf8JsonReader reader, Place path)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw new WrongType(path.ToString(), "un nombre entier"),
        };
    }

    /// <summary>True at the start of an array, false for null.</summary>
    private static bool StartArray(ref Utf8JsonReader reader, Place path)
    {
        Next(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw new WrongType(path.ToString(), "un tableau"),
        };
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (!reader.TrySkip()) throw NeedMoreData.Instance;
    }

    /// <summary>
    /// The JSON path of a value, made into text only when the value is faulty: a million applications must not cost seventeen
    /// million strings.
    /// </summary>
    private readonly struct Place
    {
        private readonly string? _text;
        private readonly int _application;
        private readonly int _wish;
        private readonly string? _field;

        private Place(string? text, int application, int wish, string? field) =>
            (_text, _application, _wish, _field) = (text, application, wish, field);

        public static Place Application(int i, string field) => new(null, i, -1, field);
        public static Place Wish(int i, int k, string field) => new(null, i, k, field);
        public static implicit operator Place(string path) => new(path, 0, -1, null);

        public override string ToString() => _text
            ?? (_wish < 0 ? $"applications[{_application}].{_field}" : $"applications[{_application}].wishes[{_wish}].{_field}");
    }

    /// <summary>The buffer ended inside a unit. Thrown once per megabyte or so, hence one shared instance.</summary>
    private sealed class NeedMoreData : Exception
    {
        public static readonly NeedMoreData Instance = new();
    }

    private sealed class WrongType(string path, string expected) : Exception
    {
        public string Path { get; } = path;
        public string Expected { get; } = expected;
    }
}
