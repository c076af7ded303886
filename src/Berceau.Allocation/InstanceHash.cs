using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Berceau.Allocation;

/// <summary>
/// "sha256:" + lowercase hex of SHA-256 over the <b>canonical serialisation</b> of the instance: UTF-8 JSON without any whitespace,
/// holding exactly the fields of the contract, in the contract's order, and nothing else (unknown fields are dropped):
/// <code>{"version":1,"seed":42,"sections":[{"id":…,"structure":…,"capacity":…,"minAgeMonths":…,"maxAgeMonths":…,
///   "reserves":[{"category":…,"seats":…}]}],"applications":[{"id":…,"ageMonthsAtStart":…,"submitted":"2026-03-02",
///   "categories":[…],"tieBreak":…,"wishes":[{"structure":…,"score":…}]}]}</code>
/// - sections, reserves and wishes keep their order (it means something); applications are sorted by id (ordinal), and each
///   application's categories sorted (ordinal) without repeats, because their order means nothing;
/// - "seed" and "tieBreak" are left out when absent; "reserves" and "categories" are always written, possibly empty;
/// - integers in plain decimal, dates as yyyy-MM-dd, strings escaped as in RFC 8785 (only ", \ and control characters).
/// So two files that differ only by layout, unknown fields or the order of applications have the same hash.
/// </summary>
internal static class InstanceHash
{
    public static string Of(Instance instance, int[] byId)
    {
        using var writer = new CanonicalWriter();
        writer.Raw("{\"version\":").Integer(instance.Version);
        if (instance.Seed is { } seed) writer.Raw(",\"seed\":").Integer(seed);
        writer.Raw(",\"sections\":[");
        for (var s = 0; s < instance.Sections.Count; s++)
        {
            var section = instance.Sections[s];
            if (s > 0) writer.Raw(",");
            writer.Raw("{\"id\":").String(section.Id).Raw(",\"structure\":").String(section.Structure)
                .Raw(",\"capacity\":").Integer(section.Capacity).Raw(",\"minAgeMonths\":").Integer(section.MinAgeMonths)
                .Raw(",\"maxAgeMonths\":").Integer(section.MaxAgeMonths).Raw(",\"reserves\":[");
            var reserves = section.Reserves ?? [];
            for (var r = 0; r < reserves.Count; r++)
            {
                if (r > 0) writer.Raw(",");
                writer.Raw("{\"category\":").String(reserves[r].Category).Raw(",\"seats\":").Integer(reserves[r].Seats).Raw("}");
            }
            writer.Raw("]}");
        }
        writer.Raw("],\"applications\":[");
        for (var k = 0; k < byId.Length; k++)
        {
            var application = instance.Applications[byId[k]];
            if (k > 0) writer.Raw(",");
            writer.Raw("{\"id\":").String(application.Id).Raw(",\"ageMonthsAtStart\":").Integer(application.AgeMonthsAtStart)
                .Raw(",\"submitted\":\"").Date(application.Submitted).Raw("\",\"categories\":[");
            WriteCategories(writer, application.Categories);
            writer.Raw("]");
            if (application.TieBreak is { } tieBreak) writer.Raw(",\"tieBreak\":").Integer(tieBreak);
            writer.Raw(",\"wishes\":[");
            for (var w = 0; w < application.Wishes.Count; w++)
            {
                if (w > 0) writer.Raw(",");
                writer.Raw("{\"structure\":").String(application.Wishes[w].Structure).Raw(",\"score\":").Integer(application.Wishes[w].Score).Raw("}");
            }
            writer.Raw("]}");
        }
        writer.Raw("]}");
        return "sha256:" + Convert.ToHexStringLower(writer.Finish());
    }

    private static void WriteCategories(CanonicalWriter writer, IReadOnlyList<string>? categories)
    {
        if (categories is null || categories.Count == 0) return;
        var sorted = categories.Count == 1 ? [categories[0]] : categories.Order(StringComparer.Ordinal).ToArray();
        for (var c = 0; c < sorted.Length; c++)
        {
            if (c > 0 && string.Equals(sorted[c], sorted[c - 1], StringComparison.Ordinal)) continue;
            if (c > 0) writer.Raw(",");
            writer.String(sorted[c]);
        }
    }

    /// <summary>Bytes go through a small buffer straight into the hash: the canonical text is never held whole.</summary>
    private sealed class CanonicalWriter : IDisposable
    {
        // Printable ASCII but the quote and the backslash: copied as they are.
        private static readonly SearchValues<char> Plain =
            SearchValues.Create(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\')).ToArray());

        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _length;

        public CanonicalWriter Raw(string ascii)
        {
            Ensure(ascii.Length);
            _length += Encoding.ASCII.GetBytes(ascii, _buffer.AsSpan(_length));
            return this;
        }

        public CanonicalWriter Integer(long value)
        {
            Ensure(20);
            value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
            return this;
        }

        public CanonicalWriter Date(DateOnly value)
        {
            Ensure(10);
            value.TryFormat(_buffer.AsSpan(_length), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            _length += written;
            return this;
        }

        public CanonicalWriter String(string value)
        {
            Ensure(2);
            _buffer[_length++] = (byte)'"';
            if (!value.AsSpan().ContainsAnyExcept(Plain))
            {
                Ensure(value.Length + 1);
                if (value.Length + 1 <= _buffer.Length)
                {
                    _length += Encoding.ASCII.GetBytes(value, _buffer.AsSpan(_length));
                    _buffer[_length++] = (byte)'"';
                    return this;
                }
            }
            foreach (var rune in value.EnumerateRunes())
            {
                Ensure(6);
                var c = rune.Value;
                if (c == '"' || c == '\\') { _buffer[_length++] = (byte)'\\'; _buffer[_length++] = (byte)c; }
                else if (c < 0x20) _length += Encoding.ASCII.GetBytes(Escape(c), _buffer.AsSpan(_length));
                else _length += rune.EncodeToUtf8(_buffer.AsSpan(_length));
            }
            _buffer[_length++] = (byte)'"';
            return this;
        }

        private static string Escape(int c) => c switch
        {
            '\b' => "\\b", '\t' => "\\t", '\n' => "\\n", '\f' => "\\f", '\r' => "\\r",
            _ => "\\u00" + c.ToString("x2", CultureInfo.InvariantCulture),
        };

        private void Ensure(int bytes)
        {
            if (_length + bytes <= _buffer.Length) return;
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
        }

        public byte[] Finish()
        {
            _hash.AppendData(_buffer, 0, _length);
            _length = 0;
            return _hash.GetHashAndReset();
        }

        public void Dispose() => _hash.Dispose();
    }
}
