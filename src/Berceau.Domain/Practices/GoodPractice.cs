using System.Globalization;
using System.Text;
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
/// holds the fiche's words without case or accents, for the full-text search of both databases.
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

    /// <summary>A partner's submission, checked field by field against its format: it waits for moderation.</summary>
    public static Outcome<GoodPractice> Submit(PracticeContent content, string source, string? departement, DateTimeOffset now, string by)
    {
        var problems = new List<Problem>();
        var title = Clean(content.Title);
        if (title.Length < 5 || title.Length > MaxTitleLength) problems.Add(Problem.Of("practice-title", "Title", MaxTitleLength));
        if (content.Theme is not { } theme || !Enum.IsDefined(theme)) problems.Add(Problem.Of("practice-theme", "Theme"));
        if (content.Format is not { } format || !Enum.IsDefined(format)) return Outcome<GoodPractice>.Failure([.. problems, Problem.Of("practice-format", "Format")]);
        var place = Clean(content.Place);
        if (format != PracticeFormat.Transverse && place.Length == 0) problems.Add(Problem.Of("practice-place", "Place"));
        if (place.Length > MaxPlaceLength) problems.Add(Problem.Of("practice-place-long", "Place", MaxPlaceLength));
        var sections = new List<PracticeSection>();
        foreach (var field in format.Fields())
        {
            var body = Clean(content.Fields.GetValueOrDefault(field.Key), keepLines: true);
            if (body.Length == 0 && field.Required) problems.Add(Problem.Of("practice-field-required", field.Key, field.Heading));
            else if (body.Length > MaxSectionLength) problems.Add(Problem.Of("practice-field-long", field.Key, field.Heading, MaxSectionLength));
            else if (body.Length > 0) sections.Add(new PracticeSection(field.Heading, body));
        }
        if (problems.Count > 0) return Outcome<GoodPractice>.Failure(problems);
        return Create(title, content.Theme!.Value, format, place, sections, source, departement, PracticeStatus.Submitted, now, by);
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
        practice.SearchText = Searchable(string.Join(' ', [title, place, theme.Label(), format.Label(), .. sections.SelectMany(s => new[] { s.Heading, s.Body })]));
        return practice;
    }

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

    /// <summary>Lower case without accents, so that « creche » finds « Crèche » in SQLite and PostgreSQL alike.</summary>
    public static string Searchable(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            kept.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', kept.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The words of a query, as <see cref="Searchable"/> writes them; a fiche matches when it holds them all.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        [.. Searchable(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8)];

    private static string Clean(string? text, bool keepLines = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (!keepLines) return string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim();
    }
}
