using Berceau.Data;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings.Family;

/// <summary>A family's registrations to meetings, soonest first; it cancels one here. Another family's registration is « introuvable ».</summary>
[Authorize(Policy = WebServices.FamilyPolicy)]
public sealed class RegistrationsModel(CurrentStaff account, BerceauDbContext db, MeetingRegistrations registrations, MeetingQueries queries) : PageModel
{
    public sealed record Row(Guid RegistrationId, InfoMeeting Meeting, int Attendees, MeetingRegistrationStatus Status);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today => queries.Today;
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["reunion-message"] as string;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid registrationId, CancellationToken ct)
    {
        var me = account.UserId;
        var registration = await db.MeetingRegistrations.FirstOrDefaultAsync(r => r.Id == registrationId && r.UserId == me, ct);
        if (registration is null) return NotFound();
        var problems = await registrations.CancelAsync(registration, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, "");
            await LoadAsync(ct);
            return Page();
        }
        TempData["reunion-message"] = "Votre inscription est annulée.";
        return Redirect(MeetingsFeature.FamilyPath);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = account.UserId;
        var rows = await (from r in db.MeetingRegistrations.AsNoTracking()
                          join m in db.InfoMeetings.AsNoTracking() on r.MeetingId equals m.Id
                          where r.UserId == me
                          select new { r.Id, Meeting = m, r.Attendees, r.Status }).ToListAsync(ct);
        Rows = [.. rows.OrderByDescending(r => r.Meeting.Date >= Today).ThenBy(r => r.Meeting.Date).ThenBy(r => r.Meeting.StartsAt)
            .Select(r => new Row(r.Id, r.Meeting, r.Attendees, r.Status))];
    }
}
