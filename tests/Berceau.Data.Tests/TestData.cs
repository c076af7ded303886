using Berceau.Data.Seed;

namespace Berceau.Data.Tests;

public static class TestData
{
    /// <summary>A fixed instant: the demo offer's dates depend on it, its names and places must not.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static string DataFolder => DataFiles.DefaultFolder;

    /// <summary>A writable copy of data/ in <paramref name="folder"/>, to break one file.</summary>
    public static string CopyDataTo(string folder)
    {
        var target = Path.Combine(folder, "data");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(DataFolder))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        return target;
    }

    /// <summary>The rows of a plain (unquoted) CSV of data/, as column → value maps, read without the importers.</summary>
    public static List<Dictionary<string, string>> RawRows(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(DataFolder, fileName)).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l =>
        {
            var fields = l.Split(',');
            return header.Select((h, i) => (h, fields[i])).ToDictionary(x => x.h, x => x.Item2);
        }).ToList();
    }
}
