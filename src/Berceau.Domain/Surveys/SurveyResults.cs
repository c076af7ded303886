namespace Berceau.Domain.Surveys;

/// <summary>A choice and how many chose it, with its share of those who answered the question (whole percent).</summary>
public sealed record ChoiceCount(string Label, int Count, int Percent, bool Positive);

/// <summary>
/// What one question got: <see cref="Answered"/> respondents answered it; the count and share of each choice; for a scale, the
/// « taux de satisfaction »; for a free text, the texts in alphabetical order (never in the order they came, which could tell who
/// wrote them).
/// </summary>
public sealed record QuestionResult(SurveyQuestion Question, int Answered, IReadOnlyList<ChoiceCount> Choices, int? SatisfactionRate, IReadOnlyList<string> Texts);

/// <summary>The results of a survey; <see cref="Shown"/> is false under <see cref="SurveyResults.MinimumResponses"/> responses.</summary>
public sealed record SurveyResult(int Responses, bool Shown, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// The results of a survey from its anonymous answers.
/// <list type="bullet">
/// <item>A share is of the respondents who answered that question (not of all respondents): a skipped optional question does not
/// lower it. For a multiple choice, each choice's share is of those who answered, so the shares may add up to more than 100.</item>
/// <item>Rounding: to the whole percent, halves away from zero (2 of 8 = 25 %, 1 of 8 = 12,5 → 13 %); the rounded shares of a
/// question may add up to 99 or 101.</item>
/// <item>Taux de satisfaction: the share of the two positive levels (notes 4 and 5; « Très satisfait » and « Plutôt satisfait »)
/// among those who answered the question, rounded the same way; as the 92,5 % of the seeds, but in whole percent. None when
/// nobody answered the question.</item>
/// <item>Small cells: under <see cref="MinimumResponses"/> responses nothing is shown, so that no one's answers can be guessed.</item>
/// </list>
/// </summary>
public static class SurveyResults
{
    public const int MinimumResponses = 5;

    public static int Percent(int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    public static SurveyResult Compute(Survey survey, int responses, IReadOnlyList<SurveyAnswer> answers)
    {
        var byQuestion = answers.ToLookup(a => a.QuestionId);
        var questions = survey.OrderedQuestions.Select(q => Of(q, byQuestion[q.Id].ToList())).ToList();
        return new SurveyResult(responses, responses >= MinimumResponses, questions);
    }

    private static QuestionResult Of(SurveyQuestion question, List<SurveyAnswer> answers)
    {
        var answered = answers.Select(a => a.ResponseId).Distinct().Count();
        var choices = question.Choices.Select((label, i) =>
        {
            var count = answers.Count(a => a.Choice == i);
            return new ChoiceCount(label, count, Percent(count, answered), question.IsPositive(i));
        }).ToList();
        // Nobody answered the question: there is no rate (0 % would read as everyone dissatisfied).
        int? rate = question.IsScale && answered > 0 ? Percent(choices.Where(c => c.Positive).Sum(c => c.Count), answered) : null;
        var texts = answers.Where(a => a.Text is not null).Select(a => a.Text!).Order(StringComparer.Ordinal).ToList();
        return new QuestionResult(question, answered, choices, rate, texts);
    }
}
