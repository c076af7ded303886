using Berceau.Data;
using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>
/// The crèche cancels a family's booking, with a reason the family reads: whoever manages the crèche's slots (its director, the
/// agents and admins of its territory). Another crèche's booking is refused (403), an unknown one is "not found".
/// </summary>
public sealed class CancelBookingModel(OccasionalAccess access, OccasionalQueries queries, Bookings bookings, BerceauDbContext db) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public Facility Facility { get; private set; } = null!;
    public BookingRow Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Version = Row.Booking.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        ModelState.Clear();
        var booking = await db.OccasionalBookings.FirstAsync(b => b.Id == id, ct);
        var problems = await bookings.CancelByFacilityAsync(booking, Facility.Name, Facility.CommuneCode, Version, Reason, access.UserName, ct);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) ModelState.AddModelError(problem.Field, problem.Message);
            return Page();
        }
        TempData[FacilityModel.MessageKey] = $"La réservation de {Row.ChildName} est annulée : la famille est prévenue et rien ne lui est facturé.";
        return Redirect($"{OccasionalCareFeature.StaffPath}/structures/{Facility.Id}/jour?date={Row.Booking.Day:yyyy-MM-dd}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var booking = await db.OccasionalBookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null) return NotFound();
        var (facility, missing, denied) = await access.FacilityAsync(booking.FacilityId.Value, ct);
        if (missing) return NotFound();
        if (denied) return Forbid();
        Facility = facility!;
        Row = (await queries.FacilityBookingAsync(Facility, id, ct))!;
        return null;
    }
}
