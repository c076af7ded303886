using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// A decision of a meeting (/pro/schema/reunions/{id}/decisions/nouvelle): the secretariat, from the meeting's day. With an owner
/// and a due day it becomes a follow-up action; with a fiche action and a state it is added to the fiche's « état d'avancement ».
/// </summary>
public sealed class DecisionModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries) : PageModel
{
    [BindProperty] public DecisionInput Input { get; set; } = new();
    public GovernanceMeeting Meeting { get; private set; } = null!;
    public GovernanceBody Body { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SheetItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: false, ct);
        if (result is not null) return result;
        Input = new DecisionInput { Version = Meeting.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: true, ct);
        if (result is not null) return result;
        ModelState.Clear();
        var saved = await editing.DecideAsync(Meeting, Body, Input, ct);
        if (saved.IsSuccess)
        {
            TempData[MeetingModel.MessageKey] = "La décision est enregistrée.";
            return Redirect(GovernanceFeature.MeetingPath(id));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var found = await access.MeetingAsync(id, tracked, ct);
        if (found is not { } f) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(f.Body.DepartementCode)) return Forbid();
        (Meeting, Body) = (f.Meeting, f.Body);
        OrganisationItems = await queries.OrganisationItemsAsync(f.Body.DepartementCode, ct);
        SheetItems = await queries.SheetItemsAsync(f.Body.DepartementCode, ct);
        return null;
    }
}
