using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Staffing.Staff;

/// <summary>Places of a section closed for lack of staff: how many, from when, until when (or until further notice), why.</summary>
public sealed class FreezeModel(CurrentStaff staff, FacilityQueries queries, StaffingActions actions) : StaffingPage(staff, queries)
{
    [BindProperty]
    public FreezeInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> SectionItems =>
        [.. Sections.Select(s => new SelectListItem($"{s.Name} ({OfferDisplay.Ages(s.MinAgeMonths, s.MaxAgeMonths)}, {s.Places} places agréées)", s.Id.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadCollectiveAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Input = new FreezeInput { From = InputReader.Format(actions.Today), SectionId = Sections.Count == 1 ? Sections[0].Id.ToString() : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadCollectiveAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var problems = await actions.FreezeAsync(Member, Facility, Input, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "Les places gelées ont été enregistrées : les places ouvertes de la structure sont réduites d’autant.";
        return Redirect(BasePath);
    }
}
