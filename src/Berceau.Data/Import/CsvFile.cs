using System.Globalization;
using System.Text;

namespace Berceau.Data.Import;

/// <summary>
/// A comma-separated file with a header line, read whole (the open-data files are at most a few megabytes).
/// Follows RFC 4180: fields may be quoted, "" inside quotes is one quote, and a quoted field may hold commas and line
/// breaks. Blank lines are skipped. Every record keeps the line where it starts so that errors can point at it.
/// </summary>
public sealed class CsvFile
{
    private readonly Dictionary<string, int> columnIndex;

    private readonly List<CsvRecord> records = [];

    private CsvFile(string fileName, IReadOnlyList<string> header)
    {
        FileName = fileName;
        Header = header;
        columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
            columnIndex.TryAdd(header[i], i);
    }

    public string FileName { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<CsvRecord> Records => records;

    public static CsvFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new ImportException(fileName, null, null, $"fichier introuvable dans « {Path.GetDirectoryName(Path.GetFullPath(path))} ».");
        return Parse(fileName, File.ReadAllText(path, Encoding.UTF8));
    }

    public static CsvFile Parse(string fileName, string text)
    {
        var rows = Split(fileName, text.TrimStart('\uFEFF'));
        if (rows.Count == 0)
            throw new ImportException(fileName, 1, null, "le fichier est vide : la première ligne doit être l’en-tête.");
        var header = rows[0].Fields;
        var file = new CsvFile(fileName, header.Select(h => h.Trim()).ToArray());
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                var column = Math.Min(fields.Length, header.Length) + 1;
                throw new ImportException(fileName, line, column.ToString(CultureInfo.InvariantCulture),
                    $"{header.Length} colonnes attendues, {fields.Length} trouvées.");
            }
            file.records.Add(new CsvRecord(file, line, fields));
        }
        return file;
    }

    /// <summary>Index of a header column; a missing column is an error on line 1.</summary>
    public int Column(string name) =>
        columnIndex.TryGetValue(name, out var index)
            ? index
            : throw new ImportException(FileName, 1, null, $"la colonne « {name} » est absente de l’en-tête.");

    internal string ColumnLabel(int index) => $"{index + 1} ({Header[index]})";

    private static List<(int Line, string[] Fields)> Split(string fileName, string text)
    {
        var rows = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var column = 1;            // character position on the current line, for syntax errors
        var quoted = false;
        var quoteLine = 0;
        var quoteColumn = 0;
        var afterClosingQuote = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            afterClosingQuote = false;
        }

        void EndRecord()
        {
            EndField();
            // A line with nothing on it is not a record: files often end with a blank line.
            if (!(fields.Count == 1 && fields[0].Length == 0))
                rows.Add((recordLine, fields.ToArray()));
            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                        column++;
                    }
                    else
                    {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    field.Append(c);
                    if (c == '\n')
                    {
                        line++;
                        column = 0;
                    }
                }
            }
            else if (c == ',')
            {
                EndField();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                EndRecord();
                line++;
                recordLine = line;
                column = 0;
            }
            else if (c == '"')
            {
                if (field.Length > 0 || afterClosingQuote)
                    throw new ImportException(fileName, line, (fields.Count + 1).ToString(CultureInfo.InvariantCulture),
                        $"guillemet inattendu au caractère {column} : un champ qui contient des guillemets doit être entièrement entre guillemets.");
                quoted = true;
                quoteLine = line;
                quoteColumn = column;
            }
            else
            {
                if (afterClosingQuote)
                    throw new ImportException(fileName, line, (fields.Count + 1).ToString(CultureInfo.InvariantCulture),
                        $"caractère « {c} » après le guillemet fermant (caractère {column}) : une virgule ou une fin de ligne est attendue.");
                field.Append(c);
            }
            column++;
        }
        if (quoted)
            throw new ImportException(fileName, quoteLine, (fields.Count + 1).ToString(CultureInfo.InvariantCulture),
                $"le guillemet ouvert au caractère {quoteColumn} n’est jamais fermé.");
        if (field.Length > 0 || fields.Count > 0 || afterClosingQuote)
            EndRecord();
        return rows;
    }
}

/// <summary>One record of a <see cref="CsvFile"/> with typed accessors that fail with the file, line and column.</summary>
public sealed class CsvRecord
{
    private readonly CsvFile file;
    private readonly string[] fields;

    internal CsvRecord(CsvFile file, int line, string[] fields)
    {
        this.file = file;
        Line = line;
        this.fields = fields;
    }

    /// <summary>Line where the record starts; the header is line 1.</summary>
    public int Line { get; }

    /// <summary>The trimmed text of a field; empty when the field is empty (the files' "not published").</summary>
    public string Text(int column) => fields[column].Trim();

    public string? OptionalText(int column) => Text(column) is { Length: > 0 } text ? text : null;

    public string RequiredText(int column) =>
        OptionalText(column) ?? throw Error(column, "valeur obligatoire manquante.");

    public int Int(int column) =>
        OptionalInt(column) ?? throw Error(column, "nombre entier obligatoire manquant.");

    public int? OptionalInt(int column)
    {
        var text = Text(column);
        if (text.Length == 0)
            return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"« {text} » n’est pas un nombre entier.");
    }

    public decimal? OptionalDecimal(int column)
    {
        var text = Text(column);
        if (text.Length == 0)
            return null;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"« {text} » n’est pas un nombre (séparateur décimal : le point).");
    }

    public ImportException Error(int column, string detail) => new(file.FileName, Line, file.ColumnLabel(column), detail);
}
