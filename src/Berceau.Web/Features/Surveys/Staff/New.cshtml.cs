using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Surveys.Staff;

/// <summary>/pro/enquetes/nouveau: a new survey, as a draft, for one of the person's territories.</summary>
public sealed class NewModel(SurveyAccess access, SurveyEditing editing) : SurveyFormPage
{
    public IReadOnlyList<SelectListItem> TerritoryItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        Input = new SurveyInput
        {
            Territory = TerritoryItems.Count == 1 ? TerritoryItems[0].Value : null,
            OpensOn = InputReader.Format(access.Today), ClosesOn = InputReader.Format(access.Today.AddDays(30)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        ModelState.Clear();
        var details = Input.Read();
        var created = details.IsSuccess ? await editing.CreateAsync(Input.Territory, details.Value, ct) : null;
        if (created is { IsSuccess: true }) return Redirect(SurveysFeature.SurveyPath(created.Value.Id));
        ModelState.AddProblems(created?.Problems ?? details.Problems, nameof(Input));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        TerritoryItems = [.. (await access.TerritoriesAsync(ct)).Select(t => new SelectListItem(t.Label, t.Code))];
        return TerritoryItems.Count > 0;
    }
}
