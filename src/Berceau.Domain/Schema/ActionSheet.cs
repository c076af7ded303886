using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Domain.Schema;

public readonly record struct ActionSheetId(Guid Value)
{
    public static ActionSheetId New() => new(Guid.NewGuid());
    public override string ToString() => Value.ToString();
}

/// <summary>The fields of a fiche a pilot writes (everything but its place in the schéma and who pilots it).</summary>
public sealed record ActionSheetContent(
    string? Title,
    string? Issues,
    string? Actors,
    string? KeyActions,
    string? Schedule,
    string? Means,
    IReadOnlyList<IndicatorLine> Indicators);

/// <summary>An indicator as typed: a label, a target value in words or figures, and optionally an observatory indicator.</summary>
public sealed record IndicatorLine(string? Label, string? Target, string? ObservatoryKey);

/// <summary>
/// A « fiche action » of the schéma, with the fields of the seeds' fiches (axe, n°, intitulé, priorités identifiées, pilote,
/// co-pilotes, acteurs, actions clés, calendrier, moyens, indicateurs) and its « état d'avancement »: dated updates, each with a
/// state and a short comment, never rewritten (<see cref="Updates"/>). The current state is the latest update's. A fiche is a
/// draft until the secretariat publishes it; the public never sees a draft. Every change bumps <see cref="Version"/>.
/// </summary>
public sealed class ActionSheet
{
    public const int MaxNumberLength = 10;
    public const int MaxTitleLength = 400;
    public const int MaxTextLength = 4000;
    public const int MaxShortTextLength = 1000;
    public const int MaxIndicators = 12;
    public const int MaxCoPilots = 10;

    public ActionSheetId Id { get; init; } = ActionSheetId.New();
    public SdsfId SchemaId { get; init; }
    public Guid AxisId { get; private set; }
    /// <summary>The fiche's number as the schéma writes it: « 1.1 » in the SDSF 2024-2026, « 6 » in the SDPEP 2020-2024.</summary>
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>« Enjeux » or « priorités identifiées », one a line.</summary>
    public string? Issues { get; private set; }
    public PartnerOrganisationId? PilotId { get; private set; }
    public List<ActionSheetCoPilot> CoPilots { get; init; } = [];
    /// <summary>« Acteurs principaux » / partenaires, as written (institutions that need no account).</summary>
    public string? Actors { get; private set; }
    public string? KeyActions { get; private set; }
    public string? Schedule { get; private set; }
    public string? Means { get; private set; }
    public List<ActionSheetIndicator> Indicators { get; init; } = [];
    /// <summary>« Places prévues »: places the fiche plans to open, by commune (or the whole département), year and mode.</summary>
    public List<PlannedPlaces> PlannedPlaces { get; init; } = [];
    public bool IsPublished { get; private set; }
    public ProgressState State { get; private set; } = ProgressState.NotStarted;
    /// <summary>The day of the update that set <see cref="State"/>; null while nothing has been reported.</summary>
    public DateOnly? StateOn { get; private set; }
    public List<ProgressUpdate> Updates { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; }

    public static Outcome<ActionSheet> Create(SdsfId schema, Guid axis, string? number, IEnumerable<string> takenNumbers, ActionSheetContent content, DateTimeOffset at)
    {
        var sheet = new ActionSheet { SchemaId = schema, CreatedAt = at };
        var problems = sheet.PlaceProblems(number, takenNumbers).Concat(ContentProblems(content)).ToList();
        if (problems.Count > 0) return Outcome<ActionSheet>.Failure(problems);
        sheet.AxisId = axis;
        sheet.Number = number!.Trim();
        sheet.Apply(content);
        return sheet;
    }

    public Outcome<bool> Edit(ActionSheetContent content)
    {
        var problems = ContentProblems(content);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        Apply(content);
        Version++;
        return true;
    }

    /// <summary>Moves the fiche to an axe of the same schéma (the caller checks it is one) under a number free in the schéma.</summary>
    public Outcome<bool> Place(Guid axis, string? number, IEnumerable<string> takenNumbers)
    {
        var problems = PlaceProblems(number, takenNumbers);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        AxisId = axis;
        Number = number!.Trim();
        Version++;
        return true;
    }

    /// <summary>The pilot (none while not designated) and the co-pilots, organisations of the schéma's département.</summary>
    public Outcome<bool> AssignPilots(PartnerOrganisationId? pilot, IReadOnlyCollection<PartnerOrganisationId> coPilots)
    {
        var others = coPilots.Distinct().Where(c => c != pilot).ToList();
        if (others.Count > MaxCoPilots) return Problem.Of("schema-too-many-copilots", "CoPilotIds", MaxCoPilots);
        PilotId = pilot;
        CoPilots.RemoveAll(c => !others.Contains(c.OrganisationId));
        foreach (var added in others.Where(o => CoPilots.All(c => c.OrganisationId != o)))
            CoPilots.Add(new ActionSheetCoPilot { SheetId = Id, OrganisationId = added });
        Version++;
        return true;
    }

    /// <summary>
    /// Replaces the fiche's « places prévues » by <paramref name="lines"/> (blank lines are ignored): each in a commune of the
    /// schéma's département or, without a commune, the whole département; a year of the schéma's period; 1 to
    /// <see cref="Schema.PlannedPlaces.MaxPlaces"/> places; a mode of <see cref="Schema.PlannedPlaces.Modes"/>; never two lines for
    /// the same commune, year and mode. Nothing changes when one line is wrong.
    /// </summary>
    public Outcome<bool> PlanPlaces(IReadOnlyList<PlannedPlacesLine> lines, PlanningScope scope)
    {
        var problems = Schema.PlannedPlaces.Problems(lines, scope);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        PlannedPlaces.Clear();
        var position = 0;
        foreach (var line in lines.Where(l => !Schema.PlannedPlaces.IsBlank(l)))
        {
            PlannedPlaces.Add(new PlannedPlaces
            {
                SheetId = Id, Position = ++position, CommuneCode = SchemaText.Clean(line.CommuneCode), Year = line.Year!.Value,
                Places = line.Places!.Value, Mode = line.Mode!.Value, Label = SchemaText.Clean(line.Label),
            });
        }
        Version++;
        return true;
    }

    public bool IsPilotedBy(IReadOnlyCollection<PartnerOrganisationId> organisations) =>
        (PilotId is { } pilot && organisations.Contains(pilot)) || CoPilots.Any(c => organisations.Contains(c.OrganisationId));

    public void Publish()
    {
        if (IsPublished) return;
        IsPublished = true;
        Version++;
    }

    public void Unpublish()
    {
        if (!IsPublished) return;
        IsPublished = false;
        Version++;
    }

    /// <summary>
    /// An « état d'avancement »: the day it describes (not after today: the report tells what happened), the state and a short
    /// comment. Added to the history, never replacing it; the fiche's state becomes the latest update's by day, so an update
    /// written late about an earlier day does not overturn a more recent one.
    /// </summary>
    public Outcome<ProgressUpdate> RecordProgress(DateOnly? on, ProgressState? state, string? comment, DateOnly today, DateTimeOffset at, string by)
    {
        var problems = new List<Problem>();
        if (on is null) problems.Add(Problem.Of("required", "On"));
        else if (on > today) problems.Add(Problem.Of("schema-progress-future", "On"));
        if (state is null) problems.Add(Problem.Of("schema-progress-state", "State"));
        var text = SchemaText.Clean(comment);
        if (text is null || text.Length < ProgressUpdate.MinCommentLength) problems.Add(Problem.Of("schema-progress-comment", "Comment", ProgressUpdate.MinCommentLength));
        else if (text.Length > ProgressUpdate.MaxCommentLength) problems.Add(Problem.Of("too-long", "Comment", ProgressUpdate.MaxCommentLength));
        if (problems.Count > 0) return Outcome<ProgressUpdate>.Failure(problems);
        var update = new ProgressUpdate { SheetId = Id, On = on!.Value, State = state!.Value, Comment = text!, At = at, By = by };
        Updates.Add(update);
        var latest = Updates.OrderBy(u => u.On).ThenBy(u => u.At).Last();
        State = latest.State;
        StateOn = latest.On;
        Version++;
        return update;
    }

    /// <summary>Orders « 1.2 » before « 1.10 » and « 2 » before « 10 »: numbers compare part by part.</summary>
    public static string SortKey(string number) =>
        string.Join('.', number.Split('.').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString("D4", CultureInfo.InvariantCulture) : p));

    private void Apply(ActionSheetContent content)
    {
        Title = SchemaText.Clean(content.Title)!;
        Issues = SchemaText.Clean(content.Issues);
        Actors = SchemaText.Clean(content.Actors);
        KeyActions = SchemaText.Clean(content.KeyActions);
        Schedule = SchemaText.Clean(content.Schedule);
        Means = SchemaText.Clean(content.Means);
        Indicators.Clear();
        var position = 0;
        foreach (var line in content.Indicators.Where(l => !IsBlank(l)))
        {
            Indicators.Add(new ActionSheetIndicator
            {
                SheetId = Id, Position = ++position, Label = SchemaText.Clean(line.Label)!, Target = SchemaText.Clean(line.Target),
                ObservatoryKey = SchemaText.Clean(line.ObservatoryKey),
            });
        }
    }

    private List<Problem> PlaceProblems(string? number, IEnumerable<string> takenNumbers)
    {
        var problems = new List<Problem>();
        var text = number?.Trim();
        if (string.IsNullOrEmpty(text)) problems.Add(Problem.Of("required", "Number"));
        else if (text.Length > MaxNumberLength || !IsNumber(text)) problems.Add(Problem.Of("schema-sheet-number", "Number"));
        else if (takenNumbers.Any(t => t == text) && text != Number) problems.Add(Problem.Of("schema-sheet-number-taken", "Number", text));
        return problems;
    }

    private static bool IsNumber(string text) =>
        text.Split('.').All(part => part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit));

    private static List<Problem> ContentProblems(ActionSheetContent content)
    {
        var problems = new List<Problem>();
        var title = SchemaText.Clean(content.Title);
        if (title is null) problems.Add(Problem.Of("required", "Title"));
        else if (title.Length > MaxTitleLength) problems.Add(Problem.Of("too-long", "Title", MaxTitleLength));
        foreach (var (field, value) in new[] { ("Issues", content.Issues), ("KeyActions", content.KeyActions), ("Means", content.Means) })
            if (SchemaText.Clean(value) is { Length: > MaxTextLength }) problems.Add(Problem.Of("too-long", field, MaxTextLength));
        foreach (var (field, value) in new[] { ("Actors", content.Actors), ("Schedule", content.Schedule) })
            if (SchemaText.Clean(value) is { Length: > MaxShortTextLength }) problems.Add(Problem.Of("too-long", field, MaxShortTextLength));
        if (content.Indicators.Count(l => !IsBlank(l)) > MaxIndicators) problems.Add(Problem.Of("schema-too-many-indicators", "Indicators", MaxIndicators));
        for (var i = 0; i < content.Indicators.Count; i++)
        {
            var line = content.Indicators[i];
            if (IsBlank(line)) continue;
            var label = SchemaText.Clean(line.Label);
            if (label is null) problems.Add(Problem.Of("schema-indicator-label", $"Indicators[{i}].Label"));
            else if (label.Length > ActionSheetIndicator.MaxLabelLength) problems.Add(Problem.Of("too-long", $"Indicators[{i}].Label", ActionSheetIndicator.MaxLabelLength));
            if (SchemaText.Clean(line.Target) is { Length: > ActionSheetIndicator.MaxTargetLength })
                problems.Add(Problem.Of("too-long", $"Indicators[{i}].Target", ActionSheetIndicator.MaxTargetLength));
            if (SchemaText.Clean(line.ObservatoryKey) is { } key && ObservatoryIndicators.Find(key) is null)
                problems.Add(Problem.Of("unknown-value", $"Indicators[{i}].ObservatoryKey"));
        }
        return problems;
    }

    private static bool IsBlank(IndicatorLine line) =>
        SchemaText.Clean(line.Label) is null && SchemaText.Clean(line.Target) is null && SchemaText.Clean(line.ObservatoryKey) is null;
}

public sealed class ActionSheetCoPilot
{
    public ActionSheetId SheetId { get; init; }
    public PartnerOrganisationId OrganisationId { get; init; }
}

/// <summary>An indicator of a fiche, with its target value, and the observatory's indicator it follows when there is one.</summary>
public sealed class ActionSheetIndicator
{
    public const int MaxLabelLength = 300;
    public const int MaxTargetLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public ActionSheetId SheetId { get; init; }
    public int Position { get; init; }
    public required string Label { get; init; }
    public string? Target { get; init; }
    /// <summary>A key of <see cref="ObservatoryIndicators"/>; null for an indicator the observatory does not compute.</summary>
    public string? ObservatoryKey { get; init; }
}

/// <summary>One « état d'avancement » of a fiche: the day it describes, the state, the comment, who wrote it and when.</summary>
public sealed class ProgressUpdate
{
    public const int MinCommentLength = 5;
    public const int MaxCommentLength = 1000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public ActionSheetId SheetId { get; init; }
    public DateOnly On { get; init; }
    public ProgressState State { get; init; }
    public required string Comment { get; init; }
    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
}
