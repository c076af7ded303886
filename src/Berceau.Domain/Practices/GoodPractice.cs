using System.Text.Json;
using Berceau.Domain.Common;

namespace Berceau.Domain.Practices;

/// <summary>One part of a fiche: its heading as the format names it (or as the source document wrote it) and its text.</summary>
public sealed record PracticeSection(string Heading, string Body);

public enum PracticeStatus { Submitted, Published, Rejected, Withdrawn }

/// <summary>What a submission says: the fields of every fiche and the sections of its format, as typed.</summary>
public sealed record PracticeContent(string? Title, PracticeTheme? Theme, PracticeFormat? Format, string? Place, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// A bonne pratique of the library: a fiche in one of the vade-mecum's three formats, with its sections, submitted by a partner
/// (or imported from a published source, which it names), moderated by the CDSF secretariat, then public. <see cref="SearchText"/>
/// holds the fiche's words without case or accents (<see cref="SearchWords"/>), for the full-text search of both databases.
/// </summary>
public sealed class GoodPractice
{
    public const int MaxTitleLength = 250;
    public const int MaxPlaceLength = 200;
    public const int MaxSectionLength = 8_000;
    public const int MaxReasonLength = 1_000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public string Title { get; private set; } = "";
    public PracticeTheme Theme { get; private set; }
    public PracticeFormat Format { get; private set; }
    /// <summary>Where the initiative is carried (« Nantes, Pays de la Loire, Loire-Atlantique »); empty for a transverse fiche.</summary>
    public string Place { get; private set; } = "";
    public string SectionsJson { get; private set; } = "[]";
    public string SearchText { get; private set; } = "";
    /// <summary>Where the fiche comes from, shown on it: the submitting organisation, or the published document and its page.</summary>
    public string Source { get; private set; } = "";
    public PracticeStatus Status { get; private set; }
    /// <summary>The département whose secretariat moderates it (the submitter's); null for the imported national content.</summary>
    public string? DepartementCode { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string? ModeratedBy { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }
    public string? Reason { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<PracticeSection> Sections => JsonSerializer.Deserialize<List<PracticeSection>>(SectionsJson) ?? [];

    /// <summary>The source a partner's fiche names: « Proposée par {organisation} ».</summary>
    public const string SubmittedSourcePrefix = "Proposée par ";

    public static string SubmittedSource(string organisation) => SubmittedSourcePrefix + organisation;

    /// <summary>The organisation that proposed the fiche, read from its source; null for a fiche imported from a published document.</summary>
    public string? Organisation => Source.StartsWith(SubmittedSourcePrefix, StringComparison.Ordinal) ? Source[SubmittedSourcePrefix.Length..] : null;

    /// <summary>A fiche of a published document (the vade-mecum): only the secretariat corrects it, its source stays the document's.</summary>
    public bool IsImported => Organisation is null;

    /// <summary>A partner's submission, checked field by field against its format: it waits for moderation.</summary>
    public static Outcome<GoodPractice> Submit(PracticeContent content, string source, string? departement, DateTimeOffset now, string by)
    {
        if (content.Format is not { } format || !Enum.IsDefined(format))
            return Outcome<GoodPractice>.Failure([.. Check(content, PracticeFormat.Intermediate, [], requirePlace: false).Problems.Where(p => p.Field is "Title" or "Theme"), Problem.Of("practice-format", "Format")]);
        var read = Check(content, format, format.Fields(), requirePlace: format != PracticeFormat.Transverse);
        if (!read.IsSuccess) return Outcome<GoodPractice>.Failure(read.Problems);
        var (title, theme, place, sections) = read.Value;
        return Create(title, theme, format, place, sections, source, departement, PracticeStatus.Submitted, now, by);
    }

    /// <summary>
    /// The fields a fiche is edited with: its format's for a submission; for an imported fiche, its own sections as the document
    /// titled them (« rubrique-1 », « rubrique-2 »… in their order), each to keep.
    /// </summary>
    public IReadOnlyList<PracticeField> EditableFields() => IsImported
        ? [.. Sections.Select((s, i) => new PracticeField($"rubrique-{i + 1}", s.Heading, "", Required: true, Rows: 8))]
        : Format.Fields();

    /// <summary>The current text of each of <see cref="EditableFields"/>, to fill the edit form.</summary>
    public IReadOnlyDictionary<string, string?> FieldValues()
    {
        var sections = Sections;
        if (IsImported) return sections.Select((s, i) => (Key: $"rubrique-{i + 1}", s.Body)).ToDictionary(f => f.Key, f => (string?)f.Body);
        var byHeading = sections.GroupBy(s => s.Heading).ToDictionary(g => g.Key, g => g.First().Body);
        return Format.Fields().ToDictionary(f => f.Key, f => byHeading.GetValueOrDefault(f.Heading));
    }

    /// <summary>
    /// A new version of the fiche's content (its format stays), checked as a submission is. Edited by its submitter, whatever its
    /// state, the fiche goes back to moderation (« en attente de relecture »): a refused or withdrawn fiche is submitted again and
    /// the secretariat's reason is cleared; a published one leaves the public library until the secretariat publishes it again.
    /// Corrected by the secretariat (<paramref name="bySecretariat"/>), it keeps its state. An imported fiche is corrected by the
    /// secretariat only, and keeps its source; <paramref name="source"/> (a submission's, from its organisation) is ignored for it.
    /// </summary>
    public Outcome<bool> Edit(PracticeContent content, string? source, bool bySecretariat)
    {
        if (IsImported && !bySecretariat) return Problem.Of("practice-imported", "");
        var read = Check(content, Format, EditableFields(), requirePlace: !IsImported && Format != PracticeFormat.Transverse);
        if (!read.IsSuccess) return Outcome<bool>.Failure(read.Problems);
        (Title, Theme, Place, var sections) = read.Value;
        SectionsJson = JsonSerializer.Serialize(sections);
        if (!IsImported && source is { Length: > 0 }) Source = source;
        SearchText = SearchTextOf(Title, Place, Theme, Format, sections);
        if (!bySecretariat && Status != PracticeStatus.Submitted)
        {
            Status = PracticeStatus.Submitted;
            Reason = null;
        }
        Version++;
        return true;
    }

    /// <summary>Title, theme, territory and the sections of <paramref name="fields"/> as typed, each checked; empty optional ones dropped.</summary>
    private static Outcome<(string Title, PracticeTheme Theme, string Place, List<PracticeSection> Sections)> Check(
        PracticeContent content, PracticeFormat format, IReadOnlyList<PracticeField> fields, bool requirePlace)
    {
        var problems = new List<Problem>();
        var title = Clean(content.Title);
        if (title.Length < 5 || title.Length > MaxTitleLength) problems.Add(Problem.Of("practice-title", "Title", MaxTitleLength));
        if (content.Theme is not { } theme || !Enum.IsDefined(theme)) problems.Add(Problem.Of("practice-theme", "Theme"));
        var place = Clean(content.Place);
        if (requirePlace && place.Length == 0) problems.Add(Problem.Of("practice-place", "Place"));
        if (place.Length > MaxPlaceLength) problems.Add(Problem.Of("practice-place-long", "Place", MaxPlaceLength));
        var sections = new List<PracticeSection>();
        foreach (var field in fields)
        {
            var body = Clean(content.Fields.GetValueOrDefault(field.Key), keepLines: true);
            if (body.Length == 0 && field.Required) problems.Add(Problem.Of("practice-field-required", field.Key, field.Heading));
            else if (body.Length > MaxSectionLength) problems.Add(Problem.Of("practice-field-long", field.Key, field.Heading, MaxSectionLength));
            else if (body.Length > 0) sections.Add(new PracticeSection(field.Heading, body));
        }
        if (problems.Count > 0) return Outcome<(string, PracticeTheme, string, List<PracticeSection>)>.Failure(problems);
        return (title, content.Theme!.Value, place, sections);
    }

    /// <summary>A fiche read from a published document (the vade-mecum): public at once, its source named.</summary>
    public static GoodPractice Imported(string title, PracticeTheme theme, PracticeFormat format, string place, IReadOnlyList<PracticeSection> sections,
        string source, DateTimeOffset now, string by) =>
        Create(Clean(title), theme, format, Clean(place), sections, source, null, PracticeStatus.Published, now, by);

    private static GoodPractice Create(string title, PracticeTheme theme, PracticeFormat format, string place, IReadOnlyList<PracticeSection> sections,
        string source, string? departement, PracticeStatus status, DateTimeOffset now, string by)
    {
        var practice = new GoodPractice
        {
            Title = title, Theme = theme, Format = format, Place = place, Source = source, DepartementCode = departement, Status = status,
            SubmittedAt = now, SubmittedBy = by, SectionsJson = JsonSerializer.Serialize(sections),
        };
        if (status == PracticeStatus.Published) (practice.ModeratedAt, practice.ModeratedBy) = (now, by);
        practice.SearchText = SearchTextOf(title, place, theme, format, sections);
        return practice;
    }

    private static string SearchTextOf(string title, string place, PracticeTheme theme, PracticeFormat format, IEnumerable<PracticeSection> sections) =>
        SearchWords.Fold(string.Join(' ', [title, place, theme.Label(), format.Label(), .. sections.SelectMany(s => new[] { s.Heading, s.Body })]));

    public Outcome<bool> Publish(DateTimeOffset now, string by) => Moderate(PracticeStatus.Published, null, now, by,
        Status is PracticeStatus.Submitted or PracticeStatus.Withdrawn or PracticeStatus.Rejected);

    public Outcome<bool> Reject(string? reason, DateTimeOffset now, string by) => Moderate(PracticeStatus.Rejected, reason, now, by, Status == PracticeStatus.Submitted);

    public Outcome<bool> Withdraw(string? reason, DateTimeOffset now, string by) => Moderate(PracticeStatus.Withdrawn, reason, now, by, Status == PracticeStatus.Published);

    private Outcome<bool> Moderate(PracticeStatus to, string? reason, DateTimeOffset now, string by, bool allowed)
    {
        if (!allowed) return Problem.Of("practice-status", "", Status.Label(), to.Label());
        var text = Clean(reason, keepLines: true);
        if (to != PracticeStatus.Published && (text.Length < 5 || text.Length > MaxReasonLength)) return Problem.Of("practice-reason", "Reason", MaxReasonLength);
        Status = to;
        Reason = to == PracticeStatus.Published ? null : text;
        ModeratedAt = now;
        ModeratedBy = by;
        Version++;
        return true;
    }

    private static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (!keepLines) return string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim();
    }
}
