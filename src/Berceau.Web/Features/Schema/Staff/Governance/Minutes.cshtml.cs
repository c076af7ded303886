using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>
/// Who came and the « compte rendu » (/pro/schema/reunions/{id}/compte-rendu): the secretariat, from the meeting's day. Saving
/// makes the meeting « tenue ». A member left without a choice keeps no line.
/// </summary>
public sealed class MinutesModel(GovernanceAccess access, GovernanceEditing editing, GovernanceQueries queries) : SecretariatMeetingPage(access)
{
    [BindProperty] public MinutesInput Input { get; set; } = new();
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, tracked: false, ct) is { } refused) return refused;
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
        if (await LoadAsync(id, tracked: true, ct) is { } refused) return refused;
        ModelState.Clear();
        var result = Saved(await editing.RecordAttendanceAsync(Meeting, Body, Input, ct), "Les présences et le compte rendu sont enregistrés.", nameof(Input));
        // Shown again: the rows posted, in the members' order.
        var posted = Input.Attendance.Where(a => a.MemberId is not null).GroupBy(a => a.MemberId!).ToDictionary(g => g.Key, g => g.First());
        Input.Attendance = [.. Members.Select(m => posted.GetValueOrDefault(m.Id.ToString()) ?? new AttendanceInput { MemberId = m.Id.ToString() })];
        return result;
    }

    protected override async Task LoadedAsync(CancellationToken ct) => Members = await queries.MembersAsync(Body, ct);
}
