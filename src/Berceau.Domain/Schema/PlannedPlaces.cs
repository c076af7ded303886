using Berceau.Domain.Common;
using Berceau.Domain.Offer;

namespace Berceau.Domain.Schema;

/// <summary>A « places prévues » line as typed: where (a commune, or the whole département when empty), when, how many, which mode.</summary>
public sealed record PlannedPlacesLine(string? CommuneCode, int? Year, int? Places, CareMode? Mode, string? Label);

/// <summary>
/// What a fiche's planned places must fit: the schéma's département (its communes' INSEE codes) and period. Built by the caller
/// from the <see cref="Sdsf"/> and the territory (the domain does not read the communes itself).
/// </summary>
public sealed record PlanningScope(string DepartementCode, int StartYear, int EndYear, IReadOnlySet<string> Communes)
{
    public static PlanningScope Of(Sdsf schema, IEnumerable<string> communes) =>
        new(schema.DepartementCode, schema.StartYear, schema.EndYear, communes.ToHashSet(StringComparer.Ordinal));
}

/// <summary>
/// « Places prévues »: a number of places a fiche action plans to open in a commune (or in the département, without a commune,
/// when the schéma does not split its target) in one year of the schéma's period, in one mode of care. The observatory adds them
/// up (« personnel nécessaire pour ouvrir les places prévues par le schéma »); the free-text targets of
/// <see cref="ActionSheetIndicator"/> stay for what is not a number of places.
/// </summary>
public sealed class PlannedPlaces
{
    /// <summary>A line is one programme of places; the 93 has about 22,000 places in all: 5,000 in one year is beyond any plan.</summary>
    public const int MaxPlaces = 5000;
    public const int MaxLabelLength = 200;
    public const int MaxLines = 40;

    /// <summary>The modes a schéma plans places in: collective structures, MAM and assistants maternels (not services, not home care).</summary>
    public static IReadOnlyList<CareMode> Modes { get; } =
        [CareMode.EajeCollectif, CareMode.MicroCreche, CareMode.CrecheFamiliale, CareMode.CrecheParentale, CareMode.CrecheEntreprise, CareMode.Mam, CareMode.AssistantMaternel];

    public Guid Id { get; init; } = Guid.NewGuid();
    public ActionSheetId SheetId { get; init; }
    public int Position { get; init; }
    /// <summary>INSEE code of a commune of the schéma's département; null: the whole département, without a commune.</summary>
    public string? CommuneCode { get; init; }
    public int Year { get; init; }
    public int Places { get; init; }
    public CareMode Mode { get; init; }
    public string? Label { get; init; }

    internal static bool IsBlank(PlannedPlacesLine line) =>
        SchemaText.Clean(line.CommuneCode) is null && line.Year is null && line.Places is null && line.Mode is null && SchemaText.Clean(line.Label) is null;

    internal static List<Problem> Problems(IReadOnlyList<PlannedPlacesLine> lines, PlanningScope scope)
    {
        var problems = new List<Problem>();
        if (lines.Count(l => !IsBlank(l)) > MaxLines) problems.Add(Problem.Of("schema-places-too-many", "PlannedPlaces", MaxLines));
        var seen = new HashSet<(string?, int, CareMode)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsBlank(line)) continue;
            var field = $"PlannedPlaces[{i}]";
            var commune = SchemaText.Clean(line.CommuneCode);
            if (commune is not null && !scope.Communes.Contains(commune))
                problems.Add(Problem.Of("schema-places-commune", $"{field}.CommuneCode", commune, scope.DepartementCode));
            if (line.Year is null) problems.Add(Problem.Of("schema-places-year-required", $"{field}.Year", scope.StartYear, scope.EndYear));
            else if (line.Year < scope.StartYear || line.Year > scope.EndYear)
                problems.Add(Problem.Of("schema-places-year", $"{field}.Year", line.Year, scope.StartYear, scope.EndYear));
            if (line.Places is null or < 1 or > MaxPlaces) problems.Add(Problem.Of("schema-places-count", $"{field}.Places", MaxPlaces));
            if (line.Mode is not { } mode || !Modes.Contains(mode)) problems.Add(Problem.Of("schema-places-mode", $"{field}.Mode"));
            if (SchemaText.Clean(line.Label) is { Length: > MaxLabelLength }) problems.Add(Problem.Of("too-long", $"{field}.Label", MaxLabelLength));
            if (line.Year is { } year && line.Mode is { } m && !seen.Add((commune, year, m)))
                problems.Add(Problem.Of("schema-places-twice", $"{field}.CommuneCode", commune ?? "tout le département", year, m.Label()));
        }
        return problems;
    }
}
