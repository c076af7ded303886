using Berceau.Domain.OccasionalCare;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>The director publishes a half-day slot of one section.</summary>
public sealed class PublishModel(OccasionalAccess access, PublishSlot publish) : PageModel
{
    [BindProperty]
    public SlotInput Input { get; set; } = new();

    public Facility Facility { get; private set; } = null!;

    public IEnumerable<SelectListItem> SectionItems => Facility.Sections.OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name)
        .Select(s => new SelectListItem($"{s.Name} ({OccasionalDisplay.Ages(s.MinAgeMonths, s.MaxAgeMonths)}, {OccasionalDisplay.Places(s.Places)})", s.Id.ToString()));

    public static IEnumerable<SelectListItem> HalfDayItems =>
        [new(HalfDay.Morning.Label(), nameof(HalfDay.Morning)), new(HalfDay.Afternoon.Label(), nameof(HalfDay.Afternoon))];

    public static IEnumerable<SelectListItem> OriginItems =>
        [new(SlotOrigin.PlannedAbsence.Label(), nameof(SlotOrigin.PlannedAbsence)), new(SlotOrigin.FreeSeat.Label(), nameof(SlotOrigin.FreeSeat))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        Input = new SlotInput { Day = InputReader.Format(publish.Today.AddDays(1)) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var outcome = await publish.PublishAsync(Facility, Input, access.UserName, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[FacilityModel.MessageKey] = $"Le créneau du {OccasionalDisplay.Slot(outcome.Value)} est publié.";
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
