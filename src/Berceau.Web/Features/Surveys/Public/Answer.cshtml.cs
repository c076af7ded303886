using Berceau.Domain.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Surveys.Public;

/// <summary>
/// /enquete/repondre?code=: the survey the personal link opens, without an account. Opening the link changes nothing (a mail
/// scanner may open it); sending the form saves the answers once. A used, altered, not yet open or closed link says so.
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(SurveyAnswering answering) : PageModel
{
    public const string ThanksPath = "/enquete/merci";

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public LinkState State { get; private set; }
    public Survey? Survey { get; private set; }
    /// <summary>What was sent, to show it again beside the errors.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Sent { get; private set; } = new Dictionary<Guid, IReadOnlyList<string>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var opened = await answering.OpenAsync(Code, tracked: false, ct);
        (State, Survey) = (opened.State, opened.Survey);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var opened = await answering.OpenAsync(Code, tracked: false, ct);
        (State, Survey) = (opened.State, opened.Survey);
        if (State != LinkState.Ready) return Page();
        Sent = Survey!.Questions.ToDictionary(q => q.Id, q => (IReadOnlyList<string>)[.. Request.Form[SurveyResponse.FieldOf(q.Id)].Select(v => v ?? "")]);
        var (state, saved) = await answering.SubmitAsync(Code, Sent, ct);
        if (saved.IsSuccess) return Redirect(ThanksPath);
        State = state;
        ModelState.Clear();
        foreach (var p in saved.Problems) ModelState.AddModelError(p.Field, p.Message);
        return Page();
    }

    public bool IsChosen(SurveyQuestion q, int choice) =>
        Sent.TryGetValue(q.Id, out var values) && values.Contains(choice.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string TextOf(SurveyQuestion q) => Sent.TryGetValue(q.Id, out var values) ? string.Join("\n", values) : "";

    public string? ErrorOf(SurveyQuestion q) =>
        ModelState.TryGetValue(SurveyResponse.FieldOf(q.Id), out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
}

[AllowAnonymous]
public sealed class ThanksModel : PageModel
{
    public void OnGet() { }
}
