using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Staffing.Staff;

/// <summary>Frozen places reopen (staff recruited): the freeze ends the day before the date chosen.</summary>
public sealed class EndFreezeModel(CurrentStaff staff, FacilityQueries queries, StaffingActions actions, OpenCapacity capacity)
    : StaffingPage(staff, queries)
{
    [BindProperty]
    public string? ReopenOn { get; set; }

    public PlaceFreeze Freeze { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid freezeId, CancellationToken ct)
    {
        var denied = await LoadFreezeAsync(id, freezeId, ct);
        if (denied is not null) return denied;
        ReopenOn = InputReader.Format(actions.Today < Freeze.From ? Freeze.From : actions.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid freezeId, CancellationToken ct)
    {
        var denied = await LoadFreezeAsync(id, freezeId, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var problems = await actions.EndFreezeAsync(Member, Facility, freezeId, ReopenOn, ct);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(p.Field, p.Message);
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "La réouverture des places a été enregistrée.";
        return Redirect(BasePath);
    }

    public string SectionName => Facility.Sections.FirstOrDefault(s => s.Id == Freeze.SectionId)?.Name ?? "Section supprimée";

    private async Task<IActionResult?> LoadFreezeAsync(Guid id, Guid freezeId, CancellationToken ct)
    {
        var denied = await LoadCollectiveAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        var freeze = (await capacity.FreezesAsync([Facility.Id], actions.Today, ct)).FirstOrDefault(p => p.Id == freezeId);
        if (freeze is null) return NotFound();
        Freeze = freeze;
        return null;
    }
}
