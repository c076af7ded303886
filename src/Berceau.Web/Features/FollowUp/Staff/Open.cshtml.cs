using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.FollowUp.Staff;

/// <summary>
/// « Ouvrir un suivi » from an application's file (/pro/suivi/ouvrir?demande={id}): the agent says why, the case opens with that
/// reason as the first line of its log. The application is found through the agent's territory (404 otherwise).
/// </summary>
public sealed class OpenModel(CaseworkAccess casework, FollowUpActions actions, FollowUpCases cases) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "demande")]
    public Guid ApplicationId { get; set; }

    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public Domain.Applications.Application Application { get; private set; } = null!;
    public OpenFollowUp? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var missing = await LoadAsync(ct);
        if (missing is not null) return missing;
        ModelState.Clear();
        var opened = await actions.OpenAsync(ApplicationId, Input, ct);
        if (opened is null) return NotFound();
        if (!opened.IsSuccess)
        {
            ModelState.AddProblems(opened.Problems, nameof(Input));
            Existing = await cases.OpenCaseAsync(Application.Id, ct);
            return Page();
        }
        TempData[CaseModel.MessageKey] = "Le suivi est ouvert.";
        return Redirect(FollowUpFeature.CasePath(opened.Value.Value));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var application = await casework.FindAsync(ApplicationId, tracked: false, ct);
        if (application is null) return NotFound();
        Application = application;
        Existing = await cases.OpenCaseAsync(application.Id, ct);
        return null;
    }
}
