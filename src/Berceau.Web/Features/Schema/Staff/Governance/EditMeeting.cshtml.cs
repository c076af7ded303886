using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// Changes a meeting (/pro/schema/reunions/{id}/modifier): the secretariat only. When the day, the hours or the place change after
/// the invitations went, the members get the updated invitation.
/// </summary>
public sealed class EditMeetingModel(GovernanceAccess access, GovernanceEditing editing) : SecretariatMeetingPage(access), IMeetingFormPage
{
    [BindProperty] public GovernanceMeetingInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } refused) return refused;
        Input = MeetingForm.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: true, ct) is { } refused) return refused;
        ModelState.Clear();
        return Saved(await editing.RescheduleAsync(Meeting, Body, Input, ct), "La réunion est modifiée.", nameof(Input));
    }
}
