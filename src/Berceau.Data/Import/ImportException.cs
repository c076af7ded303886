namespace Berceau.Data.Import;

/// <summary>
/// A data file that cannot be imported. Imports are all-or-nothing, so the whole file is refused and the message tells
/// the person who fixes the file where to look: file name, line (1 = header) and column.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, int? line, string? column, string detail)
        : base(Format(file, line, column, detail))
    {
        File = file;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>File name without folder: the folder differs between machines, the name is what people know.</summary>
    public string File { get; }
    public int? Line { get; }
    /// <summary>Column number and name for CSV ("3 (population)"), character position for JSON.</summary>
    public string? Column { get; }
    public string Detail { get; }

    private static string Format(string file, int? line, string? column, string detail)
    {
        var where = file;
        if (line is { } l)
            where += $", ligne {l}";
        if (column is not null)
            where += $", colonne {column}";
        return $"{where} : {detail}";
    }
}
