using Berceau.Domain.Common;

namespace Berceau.Domain.Schema;

public readonly record struct SdsfId(Guid Value)
{
    public static SdsfId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>
/// A « schéma départemental des services aux familles » (RULES §6): the département's plan for a period (the first ones ran
/// three or four years, the next ones six), in <see cref="Axes"/> that hold the <see cref="ActionSheet"/>s. A département may keep
/// the schémas of past periods beside the current one. <see cref="Source"/> names the document the content comes from, so that
/// nobody mistakes a transcription for the signed text.
/// </summary>
public sealed class Sdsf
{
    public const int MaxTitleLength = 200;
    public const int MaxSourceLength = 1000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    /// <summary>Years a schéma may cover: the law sets no maximum, six is the longest the seeds announce, ten leaves room.</summary>
    public const int MaxSpanYears = 10;

    public SdsfId Id { get; init; } = SdsfId.New();
    public required string DepartementCode { get; init; }
    public string Title { get; private set; } = "";
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    public string? Source { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<SchemaAxis> Axes { get; init; } = [];

    /// <summary>Optimistic concurrency: two secretaries editing the schéma or its axes at once are detected.</summary>
    public int Version { get; set; }

    public string Period => $"{StartYear}-{EndYear}";

    public static Outcome<Sdsf> Create(string departementCode, string? title, int? startYear, int? endYear, string? source, DateTimeOffset at)
    {
        var schema = new Sdsf { DepartementCode = departementCode, CreatedAt = at };
        var set = schema.Describe(title, startYear, endYear, source);
        return set.IsSuccess ? schema : Outcome<Sdsf>.Failure(set.Problems);
    }

    /// <summary>Title, period and source; the period must not leave out an axis' fiche (fiches carry no years of their own).</summary>
    public Outcome<bool> Describe(string? title, int? startYear, int? endYear, string? source)
    {
        var problems = new List<Problem>();
        var name = SchemaText.Clean(title);
        if (name is null) problems.Add(Problem.Of("required", "Title"));
        else if (name.Length > MaxTitleLength) problems.Add(Problem.Of("too-long", "Title", MaxTitleLength));
        if (startYear is null) problems.Add(Problem.Of("required", "StartYear"));
        else if (startYear is < MinYear or > MaxYear) problems.Add(Problem.Of("out-of-range", "StartYear", MinYear, MaxYear));
        if (endYear is null) problems.Add(Problem.Of("required", "EndYear"));
        else if (endYear is < MinYear or > MaxYear) problems.Add(Problem.Of("out-of-range", "EndYear", MinYear, MaxYear));
        else if (startYear is >= MinYear and <= MaxYear && endYear < startYear) problems.Add(Problem.Of("schema-period-order", "EndYear"));
        else if (startYear is >= MinYear and <= MaxYear && endYear - startYear >= MaxSpanYears) problems.Add(Problem.Of("schema-period-too-long", "EndYear", MaxSpanYears));
        var from = SchemaText.Clean(source);
        if (from is { Length: > MaxSourceLength }) problems.Add(Problem.Of("too-long", "Source", MaxSourceLength));
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        Title = name!;
        StartYear = startYear!.Value;
        EndYear = endYear!.Value;
        Source = from;
        Version++;
        return true;
    }

    /// <summary>A new axe; its number is free (1, 2… as the signed text numbers them) and unique in the schéma.</summary>
    public Outcome<SchemaAxis> AddAxis(int? number, string? title)
    {
        var problems = AxisProblems(number, title, null);
        if (problems.Count > 0) return Outcome<SchemaAxis>.Failure(problems);
        var axis = new SchemaAxis { SchemaId = Id, Number = number!.Value, Title = SchemaText.Clean(title)! };
        Axes.Add(axis);
        Version++;
        return axis;
    }

    public Outcome<bool> ChangeAxis(SchemaAxis axis, int? number, string? title)
    {
        var problems = AxisProblems(number, title, axis.Id);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        axis.Number = number!.Value;
        axis.Title = SchemaText.Clean(title)!;
        Version++;
        return true;
    }

    private List<Problem> AxisProblems(int? number, string? title, Guid? self)
    {
        var problems = new List<Problem>();
        if (number is null) problems.Add(Problem.Of("required", "Number"));
        else if (number is < 1 or > SchemaAxis.MaxNumber) problems.Add(Problem.Of("out-of-range", "Number", 1, SchemaAxis.MaxNumber));
        else if (Axes.Any(a => a.Number == number && a.Id != self)) problems.Add(Problem.Of("schema-axis-number-taken", "Number", number));
        var name = SchemaText.Clean(title);
        if (name is null) problems.Add(Problem.Of("required", "Title"));
        else if (name.Length > SchemaAxis.MaxTitleLength) problems.Add(Problem.Of("too-long", "Title", SchemaAxis.MaxTitleLength));
        return problems;
    }
}

/// <summary>An « axe » (strategic orientation) of a schéma: its number and its title, as the signed text writes them.</summary>
public sealed class SchemaAxis
{
    public const int MaxTitleLength = 400;
    public const int MaxNumber = 20;

    public Guid Id { get; init; } = Guid.NewGuid();
    public SdsfId SchemaId { get; init; }
    public int Number { get; internal set; }
    public string Title { get; internal set; } = "";

    public string Label => $"Axe {Number} – {Title}";
}

internal static class SchemaText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
}
