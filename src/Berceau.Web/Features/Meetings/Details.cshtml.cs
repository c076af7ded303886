using Berceau.Data;
using Berceau.Domain.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings;

/// <summary>One meeting as the public sees it: published or cancelled (a cancelled one says so); drafts do not exist here.</summary>
[AllowAnonymous]
public sealed class DetailsModel(BerceauDbContext db, MeetingQueries queries) : PageModel
{
    public InfoMeeting Meeting { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public bool IsOpen { get; private set; }
    public bool JustRegistered { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.InfoMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Status != MeetingStatus.Draft, ct);
        if (meeting is null) return NotFound();
        Meeting = meeting;
        CommuneName = (await queries.CommuneNamesAsync([meeting.CommuneCode], ct)).GetValueOrDefault(meeting.CommuneCode, meeting.CommuneCode);
        IsOpen = meeting.IsOpenOn(queries.Today);
        JustRegistered = TempData[RegisterModel.DoneKey] is string done && done == id.ToString();
        return Page();
    }
}
