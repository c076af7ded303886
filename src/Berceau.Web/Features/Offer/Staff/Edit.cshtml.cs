using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>Edits a facility the user may edit (territory for admins and agents, granted facility for a director).</summary>
public sealed class EditModel(CurrentStaff staff, FacilityQueries queries, SaveFacility save) : PageModel, IFacilityFormPage
{
    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    public FacilityFormOptions Options { get; private set; } = new([], []);

    public string FacilityName { get; private set; } = "";

    public Guid Id { get; private set; }

    public string CancelHref => $"/pro/structures/{Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await queries.FindAsync(id, tracked: false, ct);
        if (facility is null)
        {
            return NotFound();
        }
        if (!FacilityAccess.CanEdit(user, facility))
        {
            return Forbid();
        }
        (Id, FacilityName) = (id, facility.Name);
        Input = FacilityForm.From(facility);
        FacilityForm.PadSections(Input);
        Options = await save.OptionsAsync(user, facility.CommuneCode, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await queries.FindAsync(id, tracked: true, ct);
        if (facility is null)
        {
            return NotFound();
        }
        if (!FacilityAccess.CanEdit(user, facility))
        {
            return Forbid();
        }
        (Id, FacilityName) = (id, facility.Name);
        ModelState.Clear();
        var outcome = await save.UpdateAsync(user, facility, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            FacilityForm.PadSections(Input);
            Options = await save.OptionsAsync(user, facility.CommuneCode, ct);
            return Page();
        }
        TempData[DetailsModel.MessageKey] = outcome.Value ? "Les modifications ont été enregistrées." : "Aucune modification : rien n’a été changé.";
        return Redirect($"/pro/structures/{id}");
    }
}
