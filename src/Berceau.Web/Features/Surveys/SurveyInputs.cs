using Berceau.Domain.Common;
using Berceau.Domain.Surveys;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Surveys;

/// <summary>The survey form as typed: the territory (on creation only), audience, title, introduction and the two dates.</summary>
public sealed record SurveyInput
{
    public string? Territory { get; set; }
    public string? Audience { get; set; }
    public string? Title { get; set; }
    public string? Introduction { get; set; }
    public string? OpensOn { get; set; }
    public string? ClosesOn { get; set; }

    public static SurveyInput Of(Survey survey) => new()
    {
        Territory = survey.TerritoryCode, Audience = survey.Audience.ToString(), Title = survey.Title, Introduction = survey.Introduction,
        OpensOn = InputReader.Format(survey.OpensOn), ClosesOn = InputReader.Format(survey.ClosesOn),
    };

    /// <summary>The details, or the problems of the fields that do not parse (the domain then checks the rest).</summary>
    public Outcome<SurveyDetails> Read()
    {
        var read = new InputReader();
        SurveyAudience? audience = Enum.TryParse<SurveyAudience>(Audience, out var a) && Enum.IsDefined(a) && !int.TryParse(Audience, out _) ? a : null;
        if (audience is null) read.Add("survey-audience", nameof(Audience));
        var opens = read.Date(OpensOn, nameof(OpensOn), required: true);
        var closes = read.Date(ClosesOn, nameof(ClosesOn), required: true);
        if (read.Problems.Count > 0)
        {
            // The domain checks the title once the rest parses: checked here too, a form with several mistakes lists them all at once.
            if (Survey.TitleProblem(Title) is { } title) read.Add(title.Code, nameof(Title), Survey.MaxTitleLength);
            return Outcome<SurveyDetails>.Failure(read.Problems);
        }
        return new SurveyDetails(Title, Introduction, audience!.Value, opens!.Value, closes!.Value);
    }
}

/// <summary>The question form: kind, wording, options one per line, required.</summary>
public sealed record QuestionInput
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? Options { get; set; }
    public bool Required { get; set; }

    public Outcome<QuestionDraft> Read()
    {
        if (!Enum.TryParse<QuestionKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            return Problem.Of("survey-question-kind", nameof(Kind));
        return new QuestionDraft(kind, Text, Options?.Replace("\r\n", "\n", StringComparison.Ordinal), Required);
    }
}

public static class SurveyItems
{
    public static IReadOnlyList<SelectListItem> Audiences { get; } =
        [.. Enum.GetValues<SurveyAudience>().Select(a => new SelectListItem(a == SurveyAudience.Families ? "Familles" : "Partenaires (organisations partenaires, assistants maternels, relais…)", a.ToString()))];

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        [.. Enum.GetValues<QuestionKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];
}
