using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>The children booked at the crèche on a day (today unless chosen), to print for the team. The read is audited.</summary>
public sealed class DayModel(OccasionalAccess access, OccasionalQueries queries, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    public Facility Facility { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public IReadOnlyList<BookingRow> Rows { get; private set; } = [];
    public string? Message => TempData[FacilityModel.MessageKey] as string;

    /// <summary>The crèche cancels a confirmed booking until the slot starts.</summary>
    public bool CanCancel(Domain.OccasionalCare.OccasionalBooking booking) =>
        booking.Status == Domain.OccasionalCare.BookingStatus.Confirmed && OccasionalDisplay.StartOf(booking.Day, booking.StartsAt) > queries.Now;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (facility, missing, denied) = await access.FacilityAsync(id, ct);
        if (missing) return NotFound();
        if (denied) return Forbid();
        Facility = facility!;
        var read = new InputReader();
        Day = read.Date(Date, nameof(Date)) ?? queries.Today;
        if (read.Problems.Count > 0)
        {
            ModelState.AddProblems(read.Problems, "");
            Day = queries.Today;
        }
        Date = InputReader.Format(Day);
        Rows = await queries.DayBookingsAsync(Facility, Day, ct);
        await audit.RecordReadAsync(OccasionalAudit.DayRead, $"{Facility.Id}/{Day:yyyy-MM-dd}", ct);
        return Page();
    }

    public static string Age(DateOnly birth, DateOnly day)
    {
        var months = Domain.OccasionalCare.HalfDays.AgeInMonths(birth, day);
        return months < 24 ? $"{months} mois" : $"{months / 12} ans et {months % 12} mois";
    }
}
