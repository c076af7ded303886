using Berceau.Domain.Observatory;
using Berceau.Domain.Surveys;

namespace Berceau.Web.Features.Surveys;

/// <summary>
/// How the surveys' results are shown: each question as an observatory <see cref="IndicatorTable"/> (the table, its chart drawn by
/// observatory.mjs from the same figures, and the CSV/XLSX exports of IndicatorExport), so that results read like every other
/// figure of Berceau.
/// </summary>
public static class SurveyDisplay
{
    public static string Colour(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "grey",
        SurveyStatus.Open => "green",
        _ => "blue",
    };

    public static string Territory(Survey survey) =>
        survey.CommuneCode is null ? $"Département {survey.DepartementCode}" : $"Commune {survey.CommuneCode}";

    private static string Source(Survey survey, int responses) =>
        $"Questionnaire « {survey.Title} » ({Territory(survey)}), {responses} réponse{(responses > 1 ? "s" : "")} anonyme{(responses > 1 ? "s" : "")}.";

    /// <summary>A choice question's table: each choice, its count and share; charted as horizontal bars of the counts.</summary>
    public static IndicatorTable Table(Survey survey, int responses, QuestionResult result)
    {
        var q = result.Question;
        var note = $"{result.Answered} personne{(result.Answered > 1 ? "s ont" : " a")} répondu à cette question ; parts arrondies au pour cent.";
        if (q.Kind == QuestionKind.MultipleChoice) note += " Plusieurs réponses possibles : le total peut dépasser 100 %.";
        if (result.SatisfactionRate is { } rate)
            note += $" Taux de satisfaction (les deux niveaux positifs) : {rate} %.";
        return new IndicatorTable($"question-{q.Position}", $"{q.Position}. {q.Text}", "réponses", Source(survey, responses), note,
            [IndicatorColumn.Text("Réponse"), IndicatorColumn.Count("Nombre"), IndicatorColumn.Count("Part (%)")],
            [.. result.Choices.Select(c => new IndicatorRow([IndicatorCell.Of(c.Label), IndicatorCell.Of(c.Count), IndicatorCell.Of(c.Percent)]))],
            new IndicatorChart(IndicatorChartKind.HorizontalBar, [1]));
    }

    /// <summary>Every question's results in one table, for the exports: a line per choice, then a line per free text.</summary>
    public static IndicatorTable Export(Survey survey, SurveyResult result) =>
        new("resultats-questionnaire", survey.Title, "réponses", Source(survey, result.Responses),
            "Parts arrondies au pour cent, sur les personnes qui ont répondu à la question. Taux de satisfaction : part des deux niveaux positifs.",
            [IndicatorColumn.Text("Question"), IndicatorColumn.Text("Réponse"), IndicatorColumn.Count("Nombre"), IndicatorColumn.Count("Part (%)")],
            [.. result.Questions.SelectMany(ExportRows)]);

    private static IEnumerable<IndicatorRow> ExportRows(QuestionResult r)
    {
        var question = IndicatorCell.Of($"{r.Question.Position}. {r.Question.Text}");
        foreach (var c in r.Choices)
            yield return new IndicatorRow([question, IndicatorCell.Of(c.Label), IndicatorCell.Of(c.Count), IndicatorCell.Of(c.Percent)]);
        if (r.SatisfactionRate is { } rate)
            yield return new IndicatorRow([question, IndicatorCell.Of("Taux de satisfaction"), IndicatorCell.Of(r.Answered), IndicatorCell.Of(rate)]);
        foreach (var text in r.Texts)
            yield return new IndicatorRow([question, IndicatorCell.Of(text), IndicatorCell.Missing, IndicatorCell.Missing]);
    }
}
