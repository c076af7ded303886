using Berceau.Domain.Common;
using Berceau.Domain.Surveys;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Surveys.Staff;

/// <summary>
/// /pro/enquetes/{id}: a survey's page. Its details (editable until it is closed), the questions editor (add, remove, move up or
/// down, one small form each, without JavaScript; locked once an answer exists, and the page says why), and its opening and closing.
/// </summary>
public sealed class SurveyModel(SurveyAccess access, SurveyEditing editing, SurveyInvitations invitations) : SurveyFormPage
{
    [BindProperty] public QuestionInput Question { get; set; } = new();
    [TempData(Key = "enquete-message")] public string? Message { get; set; }

    public Survey Survey { get; private set; } = null!;
    public int Responses { get; private set; }
    public int Invited { get; private set; }
    public Problem? Locked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = SurveyInput.Of(Survey);
        Question = new QuestionInput { Required = true };
        return Page();
    }

    public Task<IActionResult> OnPostDetailsAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(Input), "Le questionnaire est enregistré.", keepTyped: true, async survey =>
    {
        var details = Input.Read();
        return details.IsSuccess ? await editing.EditAsync(survey, details.Value, ct) : Outcome<bool>.Failure(details.Problems);
    }, ct);

    public Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct) => ActAsync(id, nameof(Question), "La question est ajoutée.", keepTyped: false, async survey =>
    {
        var draft = Question.Read();
        return draft.IsSuccess ? await editing.AddQuestionAsync(survey, draft.Value, ct) : Outcome<bool>.Failure(draft.Problems);
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid question, CancellationToken ct) =>
        ActAsync(id, nameof(Input), "La question est retirée.", keepTyped: false, survey => editing.RemoveQuestionAsync(survey, question, ct), ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid question, int delta, CancellationToken ct) =>
        ActAsync(id, nameof(Input), "La question est déplacée.", keepTyped: false, survey => editing.MoveQuestionAsync(survey, question, delta, ct), ct);

    public Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Input), "Le questionnaire est ouvert : invitez les personnes à répondre.", keepTyped: false, survey => editing.OpenAsync(survey, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Input), "Le questionnaire est clos : plus personne ne peut répondre.", keepTyped: false, survey => editing.CloseAsync(survey, ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, string prefix, string done, bool keepTyped, Func<Survey, Task<Outcome<bool>>> act, CancellationToken ct)
    {
        if (await access.SurveyAsync(id, tracked: true, ct) is not { } survey) return NotFound();
        var outcome = await act(survey);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(SurveysFeature.SurveyPath(id));
        }
        ModelState.Clear();
        ModelState.AddProblems(outcome.Problems, prefix);
        var input = Input;
        var question = Question;
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = keepTyped ? input : SurveyInput.Of(Survey);
        Question = question;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.SurveyAsync(id, tracked: false, ct) is not { } survey) return false;
        Survey = survey;
        Responses = await editing.ResponsesAsync(id, ct);
        Invited = (await invitations.CountsAsync(id, ct)).Invited;
        Locked = survey.QuestionsLocked(Responses);
        return true;
    }
}
