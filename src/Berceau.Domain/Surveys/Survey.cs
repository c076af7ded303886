using Berceau.Domain.Common;

namespace Berceau.Domain.Surveys;

/// <summary>Draft (being written, invisible to respondents) → open (answerable between its dates) → closed (for good).</summary>
public enum SurveyStatus { Draft, Open, Closed }

/// <summary>Who answers: families, or partners (staff of partner organisations, assistants maternels, relais…).</summary>
public enum SurveyAudience { Families, Partners }

/// <summary>What the staff type for a survey's title, introduction, audience and dates, before it is checked.</summary>
public sealed record SurveyDetails(string? Title, string? Introduction, SurveyAudience Audience, DateOnly OpensOn, DateOnly ClosesOn);

/// <summary>
/// A satisfaction survey (questionnaire de satisfaction) of a territory: a commune's (its agents run it) or a département's (its
/// CDSF secretariat runs it), for families or partners, as Metz sends one after its information meetings and commissions. Its
/// ordered questions change only while no answer exists; it is answerable only while open and between its dates.
/// </summary>
public sealed class Survey
{
    public const int MaxTitleLength = 200;
    public const int MaxIntroductionLength = 4000;
    public const int MaxQuestions = 30;
    /// <summary>The longest a survey stays open: a year, so that old links do not stay answerable for ever.</summary>
    public const int MaxOpenDays = 366;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string DepartementCode { get; init; }
    /// <summary>The commune whose survey it is; null for the département's own.</summary>
    public string? CommuneCode { get; init; }
    public SurveyAudience Audience { get; private set; }
    public string Title { get; private set; } = "";
    public string Introduction { get; private set; } = "";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public SurveyStatus Status { get; private set; } = SurveyStatus.Draft;
    public List<SurveyQuestion> Questions { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Optimistic concurrency: two staff editing at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    /// <summary>The territory's code: the commune's, or the département's.</summary>
    public string TerritoryCode => CommuneCode ?? DepartementCode;

    public IEnumerable<SurveyQuestion> OrderedQuestions => Questions.OrderBy(q => q.Position);

    public static Outcome<Survey> Create(SurveyDetails details, string departement, string? commune, DateOnly today, DateTimeOffset now, string by)
    {
        var problems = Check(details, today);
        if (problems.Count > 0) return Outcome<Survey>.Failure(problems);
        var survey = new Survey { DepartementCode = departement, CommuneCode = commune, CreatedAt = now, CreatedBy = by };
        survey.Apply(details);
        return survey;
    }

    /// <summary>Changes the title, introduction and dates (and the audience while a draft). A closed survey does not change.</summary>
    public Outcome<bool> Edit(SurveyDetails details, DateOnly today)
    {
        if (Status == SurveyStatus.Closed) return Problem.Of("survey-closed", "");
        if (Status != SurveyStatus.Draft && details.Audience != Audience) return Problem.Of("survey-audience-fixed", "Audience");
        var problems = Check(details, today);
        if (problems.Count > 0) return Outcome<bool>.Failure(problems);
        Apply(details);
        return true;
    }

    /// <summary>Questions change while no one has answered (<paramref name="answers"/> is the count of responses received).</summary>
    public Outcome<SurveyQuestion> AddQuestion(QuestionDraft draft, int answers)
    {
        if (QuestionsLocked(answers) is { } locked) return locked;
        if (Questions.Count >= MaxQuestions) return Problem.Of("survey-too-many-questions", "Text", MaxQuestions);
        var built = SurveyQuestion.Build(draft, Questions.Count == 0 ? 1 : Questions.Max(q => q.Position) + 1);
        if (built.IsSuccess) Questions.Add(built.Value);
        return built;
    }

    public Outcome<bool> RemoveQuestion(Guid question, int answers)
    {
        if (QuestionsLocked(answers) is { } locked) return locked;
        if (Questions.FirstOrDefault(q => q.Id == question) is not { } found) return Problem.Of("survey-question-unknown", "");
        Questions.Remove(found);
        Renumber(OrderedQuestions.ToList());
        return true;
    }

    /// <summary>Moves a question one place up (<paramref name="delta"/> −1) or down (+1); at either end nothing moves.</summary>
    public Outcome<bool> MoveQuestion(Guid question, int delta, int answers)
    {
        if (QuestionsLocked(answers) is { } locked) return locked;
        var ordered = OrderedQuestions.ToList();
        var index = ordered.FindIndex(q => q.Id == question);
        if (index < 0 || delta is not (-1 or 1)) return Problem.Of("survey-question-unknown", "");
        var target = index + delta;
        if (target < 0 || target >= ordered.Count) return true;
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        Renumber(ordered);
        return true;
    }

    /// <summary>Opens the survey to its respondents: it needs a question and a closing day not past.</summary>
    public Outcome<bool> Open(DateOnly today, DateTimeOffset now)
    {
        if (Status != SurveyStatus.Draft) return Problem.Of("survey-status", "", Status.Label(), SurveyStatus.Open.Label());
        if (Questions.Count == 0) return Problem.Of("survey-no-question", "");
        if (ClosesOn < today) return Problem.Of("survey-closes-past", "ClosesOn");
        Status = SurveyStatus.Open;
        OpenedAt = now;
        return true;
    }

    public Outcome<bool> Close(DateTimeOffset now)
    {
        if (Status != SurveyStatus.Open) return Problem.Of("survey-status", "", Status.Label(), SurveyStatus.Closed.Label());
        Status = SurveyStatus.Closed;
        ClosedAt = now;
        return true;
    }

    /// <summary>The problem of a title (5 to <see cref="MaxTitleLength"/> characters once trimmed), or null.</summary>
    public static Problem? TitleProblem(string? title) =>
        (title?.Trim() ?? "").Length is < 5 or > MaxTitleLength ? Problem.Of("survey-title", "Title", MaxTitleLength) : null;

    /// <summary>Open, and today between its opening and closing days (both included).</summary>
    public bool IsAnswerable(DateOnly today) => Status == SurveyStatus.Open && today >= OpensOn && today <= ClosesOn;

    /// <summary>Why the questions cannot change, or null when they can: closed, or someone has answered.</summary>
    public Problem? QuestionsLocked(int answers) =>
        Status == SurveyStatus.Closed ? Problem.Of("survey-closed", "")
        : answers > 0 ? Problem.Of("survey-questions-locked", "", answers)
        : null;

    private void Renumber(List<SurveyQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
    }

    private void Apply(SurveyDetails details)
    {
        Title = details.Title!.Trim();
        Introduction = Normalise(details.Introduction);
        Audience = details.Audience;
        OpensOn = details.OpensOn;
        ClosesOn = details.ClosesOn;
    }

    private static string Normalise(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";

    private static List<Problem> Check(SurveyDetails details, DateOnly today)
    {
        var problems = new List<Problem>();
        if (TitleProblem(details.Title) is { } title) problems.Add(title);
        if (Normalise(details.Introduction).Length > MaxIntroductionLength) problems.Add(Problem.Of("survey-introduction", "Introduction", MaxIntroductionLength));
        if (!Enum.IsDefined(details.Audience)) problems.Add(Problem.Of("survey-audience", "Audience"));
        if (details.ClosesOn < details.OpensOn) problems.Add(Problem.Of("survey-dates-order", "ClosesOn"));
        else if (details.ClosesOn.DayNumber - details.OpensOn.DayNumber > MaxOpenDays) problems.Add(Problem.Of("survey-dates-long", "ClosesOn", MaxOpenDays));
        else if (details.ClosesOn < today) problems.Add(Problem.Of("survey-closes-past", "ClosesOn"));
        return problems;
    }
}

public static class SurveyLabels
{
    public static string Label(this SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "brouillon",
        SurveyStatus.Open => "ouvert",
        _ => "clos",
    };

    public static string Label(this SurveyAudience audience) => audience == SurveyAudience.Families ? "Familles" : "Partenaires";
}
