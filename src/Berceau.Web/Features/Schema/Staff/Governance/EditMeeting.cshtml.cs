using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// Changes a meeting (/pro/schema/reunions/{id}/modifier): the secretariat only. When the day, the hours or the place change after
/// the invitations went, the members get the updated invitation.
/// </summary>
public sealed class EditMeetingModel(GovernanceAccess access, GovernanceEditing editing) : PageModel, IMeetingFormPage
{
    [BindProperty] public GovernanceMeetingInput Input { get; set; } = new();
    public GovernanceMeeting Meeting { get; private set; } = null!;
    public GovernanceBody Body { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: false, ct);
        if (result is not null) return result;
        Input = MeetingForm.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: true, ct);
        if (result is not null) return result;
        ModelState.Clear();
        var saved = await editing.RescheduleAsync(Meeting, Body, Input, ct);
        if (saved.IsSuccess)
        {
            TempData[MeetingModel.MessageKey] = "La réunion est modifiée.";
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
        return null;
    }
}
