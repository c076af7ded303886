using Berceau.Domain.Meetings;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>
/// One meeting for its organiser: details, publishing, and the attendance list (names, e-mail, number of people), where
/// presence is marked on the day. Reading the list is audited (it holds personal data).
/// </summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public sealed class DetailsModel(MeetingForms forms, MeetingQueries queries, AuditLog audit) : PageModel
{
    public InfoMeeting Meeting { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<AttendanceRow> Attendance { get; private set; } = [];
    public IReadOnlyList<AttendanceRow> Waiting { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty]
    public List<string> Present { get; set; } = [];

    public IReadOnlyList<SelectListItem> PresenceItems =>
        [.. Attendance.Select(a => new SelectListItem($"{a.Name} ({MeetingText.Attendees(a.Attendees)})", a.Id.ToString(), a.Present == true))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Message = TempData["reunion-message"] as string;
        await audit.RecordReadAsync(MeetingAudit.MeetingEntity, id.ToString(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        var problems = await forms.PublishAsync(Meeting, version, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, "");
            return Page();
        }
        TempData["reunion-message"] = "La réunion est publiée : elle paraît sur la liste publique.";
        return Redirect($"{MeetingsFeature.StaffPath}/{id}");
    }

    public async Task<IActionResult> OnPostPresenceAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        var known = Attendance.Select(a => a.Id.ToString()).ToHashSet();
        if (Present.Any(p => !known.Contains(p)))
        {
            ModelState.AddModelError(nameof(Present), Domain.Common.Messages.Get("unknown-value"));
            return Page();
        }
        await forms.MarkPresenceAsync(Meeting, [.. Present.Select(Guid.Parse)], ct);
        TempData["reunion-message"] = "Les présences sont enregistrées.";
        return Redirect($"{MeetingsFeature.StaffPath}/{id}#presences");
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        if (await forms.FindAsync(id, tracked, ct) is not { } meeting) return false;
        Meeting = meeting;
        CommuneName = (await queries.CommuneNamesAsync([meeting.CommuneCode], ct)).GetValueOrDefault(meeting.CommuneCode, meeting.CommuneCode);
        Attendance = await queries.AttendanceAsync(id, ct);
        Waiting = await queries.WaitingAsync(id, ct);
        return true;
    }
}
