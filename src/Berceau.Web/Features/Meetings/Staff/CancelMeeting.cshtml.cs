using Berceau.Domain.Meetings;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>Cancelling a meeting, with a reason the registrants read in the e-mail that tells them.</summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public sealed class CancelMeetingModel(MeetingForms forms) : PageModel
{
    public sealed record CancelInput
    {
        public int Version { get; init; }
        public string? Reason { get; init; }
    }

    [BindProperty]
    public CancelInput Input { get; set; } = new();

    public InfoMeeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await forms.FindAsync(id, tracked: false, ct) is not { } meeting || meeting.Status == MeetingStatus.Cancelled) return NotFound();
        Meeting = meeting;
        Input = new CancelInput { Version = meeting.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await forms.FindAsync(id, tracked: true, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        ModelState.Clear();
        var problems = await forms.CancelAsync(meeting, Input.Version, Input.Reason, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData["reunion-message"] = "La réunion est annulée : les inscrits sont prévenus par e-mail.";
        return Redirect($"{MeetingsFeature.StaffPath}/{id}");
    }
}
