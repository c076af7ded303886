using System.Text.RegularExpressions;
using Berceau.Domain.Common;

namespace Berceau.Domain.Practices;

/// <summary>A fiche as read from the vade-mecum, before it becomes a <see cref="GoodPractice"/>.</summary>
public sealed record ReadPractice(string Title, int Page, PracticeTheme Theme, PracticeFormat Format, string Place, IReadOnlyList<PracticeSection> Sections);

/// <summary>
/// Reads the fiches of the « Vade-mecum des bonnes pratiques pour informer et accompagner les parents » (service public de la petite
/// enfance, January 2025) from its text export: the table of contents gives each fiche's title and page, its page gives its theme
/// (the themes' first pages are in the same table); each fiche's text runs from its title to the next one's; its format is
/// transverse for the « Comment… ? Illustrations de bonnes pratiques » fiches, detailed when it spans two pages « (1/2) (2/2) »,
/// intermediate otherwise; its sections are cut at the headings of the vade-mecum's models (« Contexte », « Enjeux et objectifs »…),
/// and for a transverse fiche at each initiative's title. The page furniture (repeated title, theme label in the margin) is dropped.
/// </summary>
public static partial class VadeMecumReader
{
    public const string SourceTitle = "Vade-mecum des bonnes pratiques pour informer et accompagner les parents, service public de la petite enfance, ministère du Travail, de la Santé, des Solidarités et des Familles (DSS, DITP), janvier 2025";

    public static string SourceOf(int page) => $"{SourceTitle}, p. {page}";

    private static readonly (string Label, PracticeTheme Theme)[] ThemeLabels =
    [
        ("information et orientation des familles", PracticeTheme.Information),
        ("parcours et demarches", PracticeTheme.Pathway),
        ("aller vers les publics eloignes des structures d accueil formelles", PracticeTheme.Outreach),
        ("outillage et formation des acteurs", PracticeTheme.Tooling),
        ("gouvernance et coordination des acteurs autour du parcours", PracticeTheme.Governance),
    ];

    private static readonly string[] MarginLabels = [.. ThemeLabels.Select(t => t.Label), "actions d aller vers pour limiter le non recours", "presentation des initiatives"];

    private static readonly HashSet<string> Headings = new(StringComparer.Ordinal)
    {
        "offre d accueil", "offre s d accueil", "demographie", "contact", "contacts", "contact s", "date de lancement", "contexte", "enjeux et objectifs",
        "objectifs", "beneficiaires", "details", "planning et principaux jalons", "moyens necessaires", "resultats et perspectives d evolution",
        "resultats", "indicateurs", "benefices", "benefices resultats", "resultats benefices", "perspectives d evolution",
        "conseils pour que ca marche", "difficultes rencontrees", "chiffres cles", "description", "temoignage",
        "defis auxquels sont confrontes les acteurs de la petite enfance", "contexte et objectifs", "contexte et enjeux", "enjeux",
    };

    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal) { "carte de visite", "description de l initiative" };

    [GeneratedRegex(@"^(?<title>.+?)\s*\tP\.\s*(?<page>\d+)\s*$")]
    private static partial Regex EntryOnOneLine();

    [GeneratedRegex(@"^P\.\s*(?<page>\d+)\s*$")]
    private static partial Regex PageAlone();

    [GeneratedRegex(@"\(\d/\d\)")]
    private static partial Regex PartOf();

    /// <summary>« Offre d'accueil (2023) »: a heading with the year of its figures.</summary>
    [GeneratedRegex(@"\s*\(\d{4}\)\s*$")]
    private static partial Regex YearAfter();

    public static IReadOnlyList<ReadPractice> Read(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        var contentsAt = lines.FindIndex(l => l == "Sommaire des fiches");
        var contentsEnd = lines.FindIndex(contentsAt + 1, l => Norm(l).StartsWith("partagez vos bonnes pratiques", StringComparison.Ordinal));
        // The fiches end where the vade-mecum asks for more (« Partagez vos bonnes pratiques ! ») before its blank models.
        var modelsAt = lines.FindIndex(contentsEnd + 1, l => Norm(l) == "modeles de fiches" || Norm(l).StartsWith("partagez vos bonnes pratiques", StringComparison.Ordinal));
        if (contentsAt < 0 || contentsEnd < 0) throw new FormatException("Le sommaire des fiches est introuvable : ce n'est pas le texte du vade-mecum.");
        var (entries, themeStarts) = Contents(lines[(contentsAt + 1)..contentsEnd]);
        if (themeStarts.Count != ThemeLabels.Length) throw new FormatException("Le sommaire ne donne pas la page des cinq thèmes.");

        var starts = new List<int>();
        var from = contentsEnd + 1;
        foreach (var (title, _) in entries)
        {
            var at = FindTitle(lines, Norm(title), from, modelsAt < 0 ? lines.Count : modelsAt);
            if (at < 0) throw new FormatException($"La fiche « {title} » du sommaire est introuvable dans le texte.");
            starts.Add(at);
            from = at + 1;
        }
        var practices = new List<ReadPractice>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (title, page) = entries[i];
            var end = i + 1 < starts.Count ? starts[i + 1] : (modelsAt < 0 ? lines.Count : modelsAt);
            var body = lines[starts[i]..end];
            var theme = themeStarts.Where(t => t.Page <= page).MaxBy(t => t.Page).Theme;
            var normTitle = Norm(title);
            var format = normTitle.Contains("illustration", StringComparison.Ordinal) || normTitle.StartsWith("comment ", StringComparison.Ordinal) || normTitle.StartsWith("quelles ", StringComparison.Ordinal)
                ? PracticeFormat.Transverse
                : body.Any(l => l.Contains("(1/2)", StringComparison.Ordinal)) ? PracticeFormat.Detailed : PracticeFormat.Intermediate;
            var (place, sections) = Sections(Clean(body, normTitle), format);
            practices.Add(new ReadPractice(title, page, theme, format, place, sections));
        }
        return practices;
    }

    private static (List<(string Title, int Page)> Entries, List<(int Page, PracticeTheme Theme)> Themes) Contents(List<string> lines)
    {
        var entries = new List<(string, int)>();
        var themes = new List<(int, PracticeTheme)>();
        var pending = new List<string>();
        void Add(string text, int page)
        {
            var norm = Norm(text);
            var theme = ThemeLabels.Where(t => t.Label == norm).Select(t => (PracticeTheme?)t.Theme).FirstOrDefault();
            if (theme is { } found) themes.Add((page, found));
            else if (norm.Length > 0) entries.Add((Flatten(text), page));
        }
        foreach (var line in lines)
        {
            if (EntryOnOneLine().Match(line) is { Success: true } m)
            {
                pending.Clear();
                Add(m.Groups["title"].Value, int.Parse(m.Groups["page"].Value));
            }
            else if (PageAlone().Match(line) is { Success: true } p)
            {
                Add(string.Join(' ', pending), int.Parse(p.Groups["page"].Value));
                pending.Clear();
            }
            else if (line.Length == 0 || Norm(line) == "modeles") { if (Norm(line) == "modeles") pending.Clear(); }
            else pending.Add(line);
            // A paragraph without a page (« Modèles ») is not a fiche: the next paragraph starts afresh.
            if (line.Length == 0 && pending.Count > 0 && !pending[^1].EndsWith(' ')) pending.Add(" ");
        }
        return ([.. entries.OrderBy(e => e.Item2)], themes);
    }

    private static int FindTitle(List<string> lines, string title, int from, int to)
    {
        var prefix = title.Length > 50 ? title[..50] : title;
        for (var i = from; i < to; i++)
        {
            if (lines[i].Length == 0) continue;
            var text = Norm(PartOf().Replace(lines[i], ""));
            if (text.Length == 0) continue;
            if (text.StartsWith(prefix, StringComparison.Ordinal) || (prefix.StartsWith(text, StringComparison.Ordinal) && text.Length >= 12 && JoinNext(lines, i, to).StartsWith(prefix, StringComparison.Ordinal)))
                return i;
        }
        return -1;
    }

    /// <summary>The line and the next non-empty lines, as far as a title can run (titles wrap over up to three lines).</summary>
    private static string JoinNext(List<string> lines, int i, int to)
    {
        var parts = new List<string>();
        for (var j = i; j < to && parts.Count < 3; j++)
            if (lines[j].Length > 0) parts.Add(PartOf().Replace(lines[j], ""));
        return Norm(string.Join(' ', parts));
    }

    /// <summary>The fiche's lines without the page furniture: its title repeated on each page, the theme in the margin, the dividers.</summary>
    private static List<string> Clean(List<string> body, string title)
    {
        var kept = new List<string>();
        foreach (var raw in body)
        {
            var line = raw.Replace("**", "", StringComparison.Ordinal).Replace("»» ", "", StringComparison.Ordinal).Trim();
            if (line.StartsWith('*') && line.EndsWith('*') && line.Length > 2) line = line[1..^1];
            line = line.Replace("*", "", StringComparison.Ordinal);
            line = line.Replace(" ▲", "", StringComparison.Ordinal);
            foreach (var bullet in (string[])["- ▶ ", "- ✓ ", "- ! ", "▶ ", "► ", "✓ "])
                if (line.StartsWith(bullet, StringComparison.Ordinal)) { line = "- " + line[bullet.Length..]; break; }
            var norm = Norm(PartOf().Replace(line, ""));
            if (norm.Length == 0) { kept.Add(""); continue; }
            var furniture = PartOf().IsMatch(line)
                || (norm.Length >= 8 && title.Contains(norm, StringComparison.Ordinal) && !line.EndsWith('.'))
                || (norm.Length <= 60 && !line.EndsWith('.') && MarginLabels.Any(m => m.Contains(norm, StringComparison.Ordinal)))
                || norm.StartsWith("illustration de bonnes pratiques", StringComparison.Ordinal) || norm.StartsWith("illustrations de bonnes pratiques", StringComparison.Ordinal);
            if (!furniture) kept.Add(line);
        }
        return kept;
    }

    private static (string Place, List<PracticeSection> Sections) Sections(List<string> lines, PracticeFormat format)
    {
        var sections = new List<PracticeSection>();
        // Before the first heading: the visiting card's place for a fiche of one initiative, the introduction for a transverse one.
        var heading = format == PracticeFormat.Transverse ? "Présentation" : "";
        var body = new List<string>();
        var place = "";
        void Flush()
        {
            var text = string.Join('\n', Paragraphs(body)).Trim();
            if (heading.Length == 0 && Flatten(text).Length <= GoodPractice.MaxPlaceLength) place = Flatten(text);
            else if (text.Length > 0) sections.Add(new PracticeSection(heading.Length == 0 ? "Présentation" : heading, text));
            body.Clear();
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var norm = Norm(lines[i]);
            if (Markers.Contains(norm)) continue;
            if (Headings.Contains(Norm(YearAfter().Replace(lines[i], ""))) || (format == PracticeFormat.Transverse && IsInitiativeTitle(lines, i)))
            {
                Flush();
                heading = SentenceCase(lines[i].TrimEnd(':', ' '));
                continue;
            }
            body.Add(lines[i]);
        }
        Flush();
        return (place, sections);
    }

    /// <summary>In a transverse fiche, a short line without final punctuation followed by a paragraph is an initiative's title.</summary>
    private static bool IsInitiativeTitle(List<string> lines, int i)
    {
        var line = lines[i];
        if (line.Length is < 12 or > 160 || line.StartsWith('-') || line.Contains('@') || line.StartsWith("D'autres", StringComparison.Ordinal) || line.StartsWith("D’autres", StringComparison.Ordinal)
            || ".;:,)".Contains(line[^1])) return false;
        var next = lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0);
        return next is not null && (next.Length > line.Length || next.StartsWith('-'));
    }

    /// <summary>Lines rejoined into paragraphs: one empty line between paragraphs, bullets on their own lines.</summary>
    private static IEnumerable<string> Paragraphs(List<string> lines)
    {
        var blank = false;
        foreach (var line in lines)
        {
            if (line.Length == 0) { blank = true; continue; }
            if (blank) yield return "";
            blank = false;
            yield return line;
        }
    }

    /// <summary>The models' headings are in capitals on some pages: « PLANNING ET PRINCIPAUX JALONS » reads « Planning et principaux jalons ».</summary>
    private static string SentenceCase(string heading) =>
        heading.Any(char.IsLower) ? heading : heading[..1] + heading[1..].ToLower(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private static string Flatten(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Norm(string text) => SearchWords.Fold(text.Replace("’", "'", StringComparison.Ordinal));
}
