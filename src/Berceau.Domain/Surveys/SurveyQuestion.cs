using Berceau.Domain.Common;

namespace Berceau.Domain.Surveys;

/// <summary>
/// The kinds of question: a note from 1 to 5, the four-level satisfaction scale (« Très satisfait » … « Pas du tout satisfait »),
/// one choice or several among the survey's own options, oui/non, and a free text of at most <see cref="SurveyQuestion.MaxTextLength"/>
/// characters.
/// </summary>
public enum QuestionKind { Rating, Satisfaction, SingleChoice, MultipleChoice, YesNo, FreeText }

/// <summary>A question as typed in the editor: its kind, wording, options (one per line, for the choice kinds) and whether it must be answered.</summary>
public sealed record QuestionDraft(QuestionKind Kind, string? Text, string? Options, bool Required);

/// <summary>One question of a <see cref="Survey"/>, at its position (1, 2, …). Its choices are numbered from 0 in the answers.</summary>
public sealed class SurveyQuestion
{
    public const int MaxQuestionLength = 300;
    public const int MaxOptionLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 12;
    public const int MaxTextLength = 2000;

    public static readonly IReadOnlyList<string> RatingChoices = ["1", "2", "3", "4", "5"];
    public static readonly IReadOnlyList<string> SatisfactionChoices = ["Très satisfait", "Plutôt satisfait", "Plutôt pas satisfait", "Pas du tout satisfait"];
    public static readonly IReadOnlyList<string> YesNoChoices = ["Oui", "Non"];

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid SurveyId { get; init; }
    public int Position { get; set; }
    public QuestionKind Kind { get; init; }
    public required string Text { get; init; }
    /// <summary>The survey's own options, for the single and multiple choice kinds (empty otherwise).</summary>
    public List<string> Options { get; init; } = [];
    public bool Required { get; init; }

    /// <summary>What the respondent chooses among, in order; empty for a free text.</summary>
    public IReadOnlyList<string> Choices => Kind switch
    {
        QuestionKind.Rating => RatingChoices,
        QuestionKind.Satisfaction => SatisfactionChoices,
        QuestionKind.YesNo => YesNoChoices,
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => Options,
        _ => [],
    };

    /// <summary>A scale whose two positive levels make the « taux de satisfaction »: notes 4 and 5, « très » and « plutôt satisfait ».</summary>
    public bool IsScale => Kind is QuestionKind.Rating or QuestionKind.Satisfaction;

    public bool IsPositive(int choice) => Kind switch
    {
        QuestionKind.Rating => choice >= 3,
        QuestionKind.Satisfaction => choice <= 1,
        _ => false,
    };

    public static Outcome<SurveyQuestion> Build(QuestionDraft draft, int position)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(draft.Kind)) problems.Add(Problem.Of("survey-question-kind", "Kind"));
        var text = draft.Text?.Trim() ?? "";
        if (text.Length is < 3 or > MaxQuestionLength) problems.Add(Problem.Of("survey-question-text", "Text", MaxQuestionLength));
        var options = (draft.Options ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (draft.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            if (options.Count is < MinOptions or > MaxOptions) problems.Add(Problem.Of("survey-options-count", "Options", MinOptions, MaxOptions));
            else if (options.Any(o => o.Length > MaxOptionLength)) problems.Add(Problem.Of("survey-option-long", "Options", MaxOptionLength));
            else if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count) problems.Add(Problem.Of("survey-options-duplicate", "Options"));
        }
        else options = [];
        if (problems.Count > 0) return Outcome<SurveyQuestion>.Failure(problems);
        return new SurveyQuestion { Kind = draft.Kind, Text = text, Options = options, Required = draft.Required, Position = position };
    }
}

public static class QuestionKindLabels
{
    public static string Label(this QuestionKind kind) => kind switch
    {
        QuestionKind.Rating => "Note de 1 à 5",
        QuestionKind.Satisfaction => "Échelle de satisfaction (de « Très satisfait » à « Pas du tout satisfait »)",
        QuestionKind.SingleChoice => "Choix unique",
        QuestionKind.MultipleChoice => "Choix multiples",
        QuestionKind.YesNo => "Oui / non",
        _ => "Texte libre",
    };
}
