using Berceau.Domain.Governance;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// Who came and the « compte rendu » (/pro/schema/reunions/{id}/compte-rendu): the secretariat, from the meeting's day. Saving
/// makes the meeting « tenue ». A member left without a choice keeps no line.
/// </summary>
public sealed class MinutesModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries) : PageModel
{
    [BindProperty] public MinutesInput Input { get; set; } = new();
    public GovernanceMeeting Meeting { get; private set; } = null!;
    public GovernanceBody Body { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: false, ct);
        if (result is not null) return result;
        var known = Meeting.Attendance.ToDictionary(a => a.MemberId);
        Input = new MinutesInput
        {
            Version = Meeting.Version, Minutes = Meeting.Minutes,
            Attendance = [.. Members.Select(m => new AttendanceInput
            {
                MemberId = m.Id.ToString(), Presence = known.GetValueOrDefault(m.Id)?.Presence.ToString(), RepresentedBy = known.GetValueOrDefault(m.Id)?.RepresentedBy,
            })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: true, ct);
        if (result is not null) return result;
        ModelState.Clear();
        var saved = await editing.RecordAttendanceAsync(Meeting, Body, Input, ct);
        if (saved.IsSuccess)
        {
            TempData[MeetingModel.MessageKey] = "Les présences et le compte rendu sont enregistrés.";
            return Redirect(GovernanceFeature.MeetingPath(id));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        // The rows shown are the posted ones, in the members' order.
        var posted = Input.Attendance.Where(a => a.MemberId is not null).GroupBy(a => a.MemberId!).ToDictionary(g => g.Key, g => g.First());
        Input.Attendance = [.. Members.Select(m => posted.GetValueOrDefault(m.Id.ToString()) ?? new AttendanceInput { MemberId = m.Id.ToString() })];
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var found = await access.MeetingAsync(id, tracked, ct);
        if (found is not { } f) return NotFound();
        if (!(await access.UserAsync(ct)).IsSecretariatOf(f.Body.DepartementCode)) return Forbid();
        (Meeting, Body) = (f.Meeting, f.Body);
        Members = await queries.MembersAsync(f.Body, ct);
        return null;
    }
}
