using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Surveys;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Surveys;

/// <summary>
/// The staff's changes to a survey: create, edit, add/remove/move questions, open, close. Each is checked by the domain (nothing
/// changes on a problem), audited, and saved with the survey's version so that two people editing at once cannot overwrite each other.
/// </summary>
public sealed class SurveyEditing(BerceauDbContext db, SurveyAccess access, AuditLog audit)
{
    public Task<int> ResponsesAsync(Guid survey, CancellationToken ct) => db.SurveyResponses.CountAsync(r => r.SurveyId == survey, ct);

    public async Task<Outcome<Survey>> CreateAsync(string? territory, SurveyDetails details, CancellationToken ct)
    {
        var found = (await access.TerritoriesAsync(ct)).FirstOrDefault(t => t.Code == territory);
        if (found is null) return Problem.Of("survey-territory", "Territory");
        var created = Survey.Create(details, found.Departement, found.Commune, access.Today, access.Now, access.UserId);
        if (!created.IsSuccess) return created;
        db.Surveys.Add(created.Value);
        audit.Record(SurveyAudit.Created, SurveyAudit.EntityType, created.Value.Id.ToString(), $"{created.Value.Title} ({found.Label}, {details.Audience.Label()})");
        var saved = await CaseSave.SaveAsync(db, "concurrency", ct);
        return saved.IsSuccess ? created : Outcome<Survey>.Failure(saved.Problems);
    }

    public Task<Outcome<bool>> EditAsync(Survey survey, SurveyDetails details, CancellationToken ct) =>
        SaveAsync(survey, survey.Edit(details, access.Today), SurveyAudit.Edited, survey.Title, ct);

    public async Task<Outcome<bool>> AddQuestionAsync(Survey survey, QuestionDraft draft, CancellationToken ct)
    {
        var added = survey.AddQuestion(draft, await ResponsesAsync(survey.Id, ct));
        if (added.IsSuccess) db.SurveyQuestions.Add(added.Value);
        return await SaveAsync(survey, added.IsSuccess ? true : Outcome<bool>.Failure(added.Problems), SurveyAudit.QuestionsChanged,
            added.IsSuccess ? $"question ajoutée : {added.Value.Text}" : "", ct);
    }

    public async Task<Outcome<bool>> RemoveQuestionAsync(Survey survey, Guid question, CancellationToken ct) =>
        await SaveAsync(survey, survey.RemoveQuestion(question, await ResponsesAsync(survey.Id, ct)), SurveyAudit.QuestionsChanged, "question retirée", ct);

    public async Task<Outcome<bool>> MoveQuestionAsync(Survey survey, Guid question, int delta, CancellationToken ct) =>
        await SaveAsync(survey, survey.MoveQuestion(question, delta, await ResponsesAsync(survey.Id, ct)), SurveyAudit.QuestionsChanged, "question déplacée", ct);

    public Task<Outcome<bool>> OpenAsync(Survey survey, CancellationToken ct) =>
        SaveAsync(survey, survey.Open(access.Today, access.Now), SurveyAudit.Opened, $"{survey.Questions.Count} question(s)", ct);

    public Task<Outcome<bool>> CloseAsync(Survey survey, CancellationToken ct) =>
        SaveAsync(survey, survey.Close(access.Now), SurveyAudit.Closed, null, ct);

    private async Task<Outcome<bool>> SaveAsync(Survey survey, Outcome<bool> changed, string action, string? details, CancellationToken ct)
    {
        if (!changed.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return changed;
        }
        survey.Version++;
        audit.Record(action, SurveyAudit.EntityType, survey.Id.ToString(), details);
        return await CaseSave.SaveAsync(db, "concurrency", ct);
    }
}
