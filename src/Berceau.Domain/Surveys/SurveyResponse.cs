using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Domain.Surveys;

/// <summary>
/// Someone invited to answer a survey, by e-mail. The invitation says only whether its holder has answered, so that they answer
/// once: their answers (<see cref="SurveyResponse"/>) do not name it, and hold no time that would tie them back to it.
/// </summary>
public sealed class SurveyInvitation
{
    public const int MaxEmailLength = 254;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid SurveyId { get; init; }
    public required string Email { get; init; }
    public DateTimeOffset InvitedAt { get; init; }
    public required string InvitedBy { get; init; }
    /// <summary>Set once, with the response, in the same save; a concurrency token, so two answers sent at once count once.</summary>
    public bool Answered { get; private set; }

    public Outcome<bool> MarkAnswered()
    {
        if (Answered) return Problem.Of("survey-already-answered", "");
        Answered = true;
        return true;
    }
}

/// <summary>One respondent's answers, anonymous: it names the survey and nothing else (no invitation, no time).</summary>
public sealed class SurveyResponse
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid SurveyId { get; init; }
    public List<SurveyAnswer> Answers { get; init; } = [];

    /// <summary>
    /// Reads what the form sent, question by question (<paramref name="sent"/>: the values of each question's field; choices are
    /// their numbers 0, 1, …): a required question must be answered, a choice must exist, a single choice is one, a text is at most
    /// <see cref="SurveyQuestion.MaxTextLength"/> characters. Problems name the field <c>q-{question id}</c>.
    /// </summary>
    public static Outcome<SurveyResponse> Collect(Survey survey, IReadOnlyDictionary<Guid, IReadOnlyList<string>> sent)
    {
        var response = new SurveyResponse { SurveyId = survey.Id };
        var problems = new List<Problem>();
        foreach (var question in survey.OrderedQuestions)
        {
            var field = FieldOf(question.Id);
            var values = (sent.GetValueOrDefault(question.Id) ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (question.Kind == QuestionKind.FreeText)
            {
                var text = string.Join("\n", values).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                if (text.Length > SurveyQuestion.MaxTextLength) problems.Add(Problem.Of("survey-answer-long", field, SurveyQuestion.MaxTextLength));
                else if (text.Length == 0 && question.Required) problems.Add(Problem.Of("survey-answer-required", field));
                else if (text.Length > 0) response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = text });
                continue;
            }
            var choices = new List<int>();
            foreach (var value in values)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var choice) || choice >= question.Choices.Count)
                {
                    problems.Add(Problem.Of("survey-answer-unknown", field));
                    choices.Clear();
                    break;
                }
                if (!choices.Contains(choice)) choices.Add(choice);
            }
            if (problems.Exists(p => p.Field == field)) continue;
            if (choices.Count == 0)
            {
                if (question.Required) problems.Add(Problem.Of(question.Kind == QuestionKind.MultipleChoice ? "survey-answer-required-many" : "survey-answer-required", field));
                continue;
            }
            if (choices.Count > 1 && question.Kind != QuestionKind.MultipleChoice)
            {
                problems.Add(Problem.Of("survey-answer-one", field));
                continue;
            }
            response.Answers.AddRange(choices.Order().Select(c => new SurveyAnswer { QuestionId = question.Id, Choice = c }));
        }
        if (problems.Count > 0) return Outcome<SurveyResponse>.Failure(problems);
        if (response.Answers.Count == 0) return Problem.Of("survey-answer-empty", "");
        return response;
    }

    public static string FieldOf(Guid question) => $"q-{question:N}";
}

/// <summary>One answer: a choice's number (a multiple choice has a row per choice), or a text.</summary>
public sealed class SurveyAnswer
{
    public long Id { get; init; }
    public Guid ResponseId { get; init; }
    public Guid QuestionId { get; init; }
    public int? Choice { get; init; }
    public string? Text { get; init; }
}
