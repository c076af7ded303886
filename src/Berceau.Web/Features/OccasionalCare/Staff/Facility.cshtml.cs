using Berceau.Domain.Offer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>A crèche's slots from today on, each with its bookings count; a slot nobody booked can be withdrawn.</summary>
public sealed class FacilityModel(OccasionalAccess access, OccasionalQueries queries, PublishSlot publish) : PageModel
{
    public const string MessageKey = "occasional-message";

    public Facility Facility { get; private set; } = null!;
    public IReadOnlyList<SlotRow> Slots { get; private set; } = [];
    public DateOnly Today => queries.Today;
    public string? Message => TempData[MessageKey] as string;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Slots = await queries.FacilitySlotsAsync(Facility, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid slotId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        if (!await publish.WithdrawAsync(Facility, slotId, ct))
        {
            ModelState.AddModelError("", Domain.Common.Messages.Get("occ-slot-booked"));
            Slots = await queries.FacilitySlotsAsync(Facility, Today, ct);
            return Page();
        }
        TempData[MessageKey] = "Le créneau a été retiré.";
        return Redirect($"{OccasionalCareFeature.StaffPath}/structures/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (facility, missing, denied) = await access.FacilityAsync(id, ct);
        if (missing) return NotFound();
        if (denied) return Forbid();
        Facility = facility!;
        return null;
    }
}
