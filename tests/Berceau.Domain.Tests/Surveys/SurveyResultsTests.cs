using Berceau.Domain.Surveys;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berceau.Domain.Tests.Surveys;

/// <summary>The results: counts, shares in whole percent, the taux de satisfaction, free texts, and the small-cell rule.</summary>
public class SurveyResultsTests
{
    private static (Survey Survey, List<SurveyAnswer> Answers) Answered(IReadOnlyList<int> levels, QuestionDraft? draft = null)
    {
        var survey = SurveyTests.Draft(draft ?? SurveyTests.Satisfaction);
        var question = survey.Questions[0].Id;
        var answers = levels.Select(l => new SurveyAnswer { ResponseId = Guid.NewGuid(), QuestionId = question, Choice = l }).ToList();
        return (survey, answers);
    }

    [Theory]
    [InlineData(1, 8, 13)]
    [InlineData(2, 8, 25)]
    [InlineData(1, 3, 33)]
    [InlineData(2, 3, 67)]
    [InlineData(37, 40, 93)]
    [InlineData(0, 0, 0)]
    public void Percent_IsWhole_HalvesAwayFromZero(int part, int whole, int expected) =>
        Assert.Equal(expected, SurveyResults.Percent(part, whole));

    [Fact]
    public void SatisfactionRate_IsTheShareOfTheTwoPositiveLevels()
    {
        // 3 « Très », 4 « Plutôt satisfait », 1 « Plutôt pas » : 7 of 8 = 87,5 → 88 %.
        var (survey, answers) = Answered([0, 0, 0, 1, 1, 1, 1, 2]);
        var result = SurveyResults.Compute(survey, 8, answers);
        var q = Assert.Single(result.Questions);
        Assert.True(result.Shown);
        Assert.Equal(88, q.SatisfactionRate);
        Assert.Equal([3, 4, 1, 0], q.Choices.Select(c => c.Count));
        Assert.Equal([38, 50, 13, 0], q.Choices.Select(c => c.Percent));

        // Notes 1 to 5: 4 and 5 are positive.
        var (rated, notes) = Answered([4, 3, 2, 0, 4], new QuestionDraft(QuestionKind.Rating, "Notez l’accueil", null, true));
        Assert.Equal(60, Assert.Single(SurveyResults.Compute(rated, 5, notes).Questions).SatisfactionRate);
    }

    [Fact]
    public void AScaleNobodyAnswered_HasNoSatisfactionRate_RatherThanZeroPercent()
    {
        // An optional note skipped by all five respondents: no share at all, not « 0 % satisfied ».
        var survey = SurveyTests.Draft(SurveyTests.Text, new QuestionDraft(QuestionKind.Rating, "Notez l’accueil", null, false));
        var text = survey.OrderedQuestions.First().Id;
        var answers = Enumerable.Range(0, 5).Select(i => new SurveyAnswer { ResponseId = Guid.NewGuid(), QuestionId = text, Text = $"Avis {i}" }).ToList();
        var rating = SurveyResults.Compute(survey, 5, answers).Questions[1];
        Assert.Equal(0, rating.Answered);
        Assert.Null(rating.SatisfactionRate);
    }

    [Fact]
    public void UnderFiveResponses_NothingIsShown()
    {
        var (survey, answers) = Answered([0, 1, 2, 3]);
        Assert.False(SurveyResults.Compute(survey, 4, answers).Shown);
        Assert.True(SurveyResults.Compute(survey, SurveyResults.MinimumResponses, answers).Shown);
    }

    [Fact]
    public void MultipleChoice_SharesAreOfThoseWhoAnswered_AndFreeTextsAreSortedNotInArrivalOrder()
    {
        var survey = SurveyTests.Draft(SurveyTests.Several, SurveyTests.Text);
        var (several, text) = (survey.OrderedQuestions.First().Id, survey.OrderedQuestions.Last().Id);
        var (r1, r2) = (Guid.NewGuid(), Guid.NewGuid());
        var answers = new List<SurveyAnswer>
        {
            new() { ResponseId = r1, QuestionId = several, Choice = 0 }, new() { ResponseId = r1, QuestionId = several, Choice = 1 },
            new() { ResponseId = r2, QuestionId = several, Choice = 1 },
            new() { ResponseId = r2, QuestionId = text, Text = "Zut, trop long" }, new() { ResponseId = r1, QuestionId = text, Text = "Accueil parfait" },
        };
        var result = SurveyResults.Compute(survey, 6, answers);
        var q = result.Questions[0];
        Assert.Equal(2, q.Answered);
        Assert.Equal([50, 100, 0], q.Choices.Select(c => c.Percent));
        Assert.Null(q.SatisfactionRate);
        Assert.Equal(["Accueil parfait", "Zut, trop long"], result.Questions[1].Texts);
    }

    [Property]
    public Property Counts_AddUpToTheAnswers_AndTheRateLiesBetween0And100() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 3)).Select(l => l.ToList()).ToArbitrary(), levels =>
        {
            var (survey, answers) = Answered(levels);
            var q = SurveyResults.Compute(survey, levels.Count, answers).Questions[0];
            var positive = levels.Count(l => l <= 1);
            return q.Choices.Sum(c => c.Count) == levels.Count
                && q.Answered == levels.Count
                && (levels.Count == 0
                    ? q.SatisfactionRate is null
                    : q.SatisfactionRate == SurveyResults.Percent(positive, levels.Count) && q.SatisfactionRate is >= 0 and <= 100)
                && q.Choices.All(c => Math.Abs(c.Percent - 100m * c.Count / Math.Max(1, levels.Count)) <= 0.5m);
        });
}
