using Berceau.Domain.Surveys;

namespace Berceau.Domain.Tests.Surveys;

/// <summary>The rules of a survey: its details, its questions, its lifecycle, and the answers a respondent may send.</summary>
public class SurveyTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static SurveyDetails Details(string title = "Votre avis sur la commission", int closesIn = 20) =>
        new(title, "Merci de nous répondre.", SurveyAudience.Families, Today, Today.AddDays(closesIn));

    internal static Survey Draft(params QuestionDraft[] questions)
    {
        var survey = Survey.Create(Details(), "93", "93048", Today, Now, "agent").Value;
        foreach (var q in questions) Assert.True(survey.AddQuestion(q, 0).IsSuccess);
        return survey;
    }

    internal static readonly QuestionDraft Satisfaction = new(QuestionKind.Satisfaction, "Êtes-vous satisfait ?", null, true);
    internal static readonly QuestionDraft Several = new(QuestionKind.MultipleChoice, "Comment nous avez-vous connus ?", "Mairie\nCaf\nAmis", false);
    internal static readonly QuestionDraft Text = new(QuestionKind.FreeText, "Une suggestion ?", null, false);

    [Fact]
    public void Create_RefusesABadTitle_DatesInTheWrongOrder_OrAClosingDayPast_AndSaysWhyInFrench()
    {
        var bad = Survey.Create(new SurveyDetails("abc", new string('x', Survey.MaxIntroductionLength + 1), SurveyAudience.Families, Today, Today.AddDays(-1)),
            "93", null, Today, Now, "pilote");
        Assert.False(bad.IsSuccess);
        Assert.Equal(["Title", "Introduction", "ClosesOn"], bad.Problems.Select(p => p.Field));
        Assert.StartsWith("Donnez un titre au questionnaire", bad.Problems[0].Message, StringComparison.Ordinal);
        var past = Survey.Create(new SurveyDetails("Un titre valable", null, SurveyAudience.Partners, Today.AddDays(-10), Today.AddDays(-1)), "93", null, Today, Now, "pilote");
        Assert.Equal("survey-closes-past", Assert.Single(past.Problems).Code);
        var tooLong = Survey.Create(new SurveyDetails("Un titre valable", null, SurveyAudience.Partners, Today, Today.AddDays(Survey.MaxOpenDays + 1)), "93", null, Today, Now, "pilote");
        Assert.Equal("survey-dates-long", Assert.Single(tooLong.Problems).Code);
    }

    [Fact]
    public void Questions_AreNumberedInOrder_MoveAndRemove_AndTheirChoicesFollowTheKind()
    {
        var survey = Draft(Satisfaction, Several, Text);
        Assert.Equal([1, 2, 3], survey.OrderedQuestions.Select(q => q.Position));
        var text = survey.OrderedQuestions.Last();
        Assert.True(survey.MoveQuestion(text.Id, -1, 0).IsSuccess);
        Assert.Equal([QuestionKind.Satisfaction, QuestionKind.FreeText, QuestionKind.MultipleChoice], survey.OrderedQuestions.Select(q => q.Kind));
        Assert.True(survey.MoveQuestion(survey.OrderedQuestions.First().Id, -1, 0).IsSuccess, "at the top nothing moves");
        Assert.True(survey.RemoveQuestion(text.Id, 0).IsSuccess);
        Assert.Equal([1, 2], survey.OrderedQuestions.Select(q => q.Position));
        Assert.Equal(["Très satisfait", "Plutôt satisfait", "Plutôt pas satisfait", "Pas du tout satisfait"], survey.OrderedQuestions.First().Choices);
        Assert.Equal(["Mairie", "Caf", "Amis"], survey.OrderedQuestions.Last().Choices);
    }

    [Theory]
    [InlineData(QuestionKind.SingleChoice, "Seule", "survey-options-count")]
    [InlineData(QuestionKind.MultipleChoice, "A\na", "survey-options-duplicate")]
    [InlineData((QuestionKind)42, "", "survey-question-kind")]
    public void ABadQuestion_IsRefused_AndNothingIsAdded(QuestionKind kind, string options, string code)
    {
        var survey = Draft();
        var added = survey.AddQuestion(new QuestionDraft(kind, "Une question ?", options, true), 0);
        Assert.Equal(code, Assert.Single(added.Problems).Code);
        Assert.Empty(survey.Questions);
    }

    [Fact]
    public void OnceSomeoneAnswered_QuestionsNoLongerChange_AndTheMessageSaysWhy()
    {
        var survey = Draft(Satisfaction, Text);
        Assert.True(survey.Open(Today, Now).IsSuccess);
        var first = survey.OrderedQuestions.First();
        foreach (var change in new[] { survey.AddQuestion(Several, 1).Problems, survey.RemoveQuestion(first.Id, 1).Problems, survey.MoveQuestion(first.Id, 1, 1).Problems })
            Assert.Contains("Les questions ne peuvent plus changer", Assert.Single(change).Message, StringComparison.Ordinal);
        Assert.Equal(2, survey.Questions.Count);
        Assert.True(survey.AddQuestion(Several, 0).IsSuccess, "open without any answer yet: still editable");
    }

    [Fact]
    public void Lifecycle_DraftOpenClosed_OnlyForward()
    {
        var empty = Draft();
        Assert.Equal("survey-no-question", Assert.Single(empty.Open(Today, Now).Problems).Code);
        var survey = Draft(Satisfaction);
        Assert.False(survey.IsAnswerable(Today));
        Assert.Equal("survey-status", Assert.Single(survey.Close(Now).Problems).Code);
        Assert.True(survey.Open(Today, Now).IsSuccess);
        Assert.True(survey.IsAnswerable(Today));
        Assert.True(survey.IsAnswerable(Today.AddDays(20)));
        Assert.False(survey.IsAnswerable(Today.AddDays(21)), "the day after the closing day");
        Assert.Equal("survey-audience-fixed", Assert.Single(survey.Edit(Details() with { Audience = SurveyAudience.Partners }, Today).Problems).Code);
        Assert.True(survey.Close(Now).IsSuccess);
        Assert.False(survey.IsAnswerable(Today));
        Assert.Equal("survey-status", Assert.Single(survey.Open(Today, Now).Problems).Code);
        Assert.Equal("survey-closed", Assert.Single(survey.Edit(Details(), Today).Problems).Code);
    }

    [Fact]
    public void Collect_ChecksEachAnswer_AndKeepsOnlyWhatWasAnswered()
    {
        var survey = Draft(Satisfaction, Several, Text);
        var (s, m, t) = (survey.OrderedQuestions.ElementAt(0).Id, survey.OrderedQuestions.ElementAt(1).Id, survey.OrderedQuestions.ElementAt(2).Id);
        IReadOnlyDictionary<Guid, IReadOnlyList<string>> Sent(params (Guid Id, string[] Values)[] x) => x.ToDictionary(a => a.Id, a => (IReadOnlyList<string>)a.Values);

        Assert.Equal("survey-answer-required", Assert.Single(SurveyResponse.Collect(survey, Sent((m, ["0"]))).Problems).Code);
        Assert.Equal("survey-answer-one", Assert.Single(SurveyResponse.Collect(survey, Sent((s, ["0", "1"]))).Problems).Code);
        Assert.Equal("survey-answer-unknown", Assert.Single(SurveyResponse.Collect(survey, Sent((s, ["4"]))).Problems).Code);
        Assert.Equal("survey-answer-unknown", Assert.Single(SurveyResponse.Collect(survey, Sent((s, ["-1"]))).Problems).Code);
        var tooLong = SurveyResponse.Collect(survey, Sent((s, ["0"]), (t, [new string('x', SurveyQuestion.MaxTextLength + 1)])));
        Assert.Equal(SurveyResponse.FieldOf(t), Assert.Single(tooLong.Problems).Field);

        var ok = SurveyResponse.Collect(survey, Sent((s, ["1"]), (m, ["2", "0", "2"]), (t, ["  "])));
        Assert.True(ok.IsSuccess);
        Assert.Equal([(s, 1), (m, 0), (m, 2)], ok.Value.Answers.Select(a => (a.QuestionId, a.Choice!.Value)));
    }

    [Fact]
    public void AnInvitation_IsAnsweredOnce()
    {
        var invitation = new SurveyInvitation { SurveyId = Guid.NewGuid(), Email = "a@exemple.fr", InvitedBy = "agent" };
        Assert.True(invitation.MarkAnswered().IsSuccess);
        Assert.Equal("survey-already-answered", Assert.Single(invitation.MarkAnswered().Problems).Code);
    }
}
