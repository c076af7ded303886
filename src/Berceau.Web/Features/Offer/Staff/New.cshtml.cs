using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>Registers a new facility in a commune of the user's territory (admins and agents only).</summary>
public sealed class NewModel(CurrentStaff staff, SaveFacility save) : PageModel, IFacilityFormPage
{
    // Starts empty: the binder fills an existing instance, so defaults here would survive an unticked checkbox.
    [BindProperty]
    public FacilityInput Input { get; set; } = new();

    public FacilityFormOptions Options { get; private set; } = new([], []);

    public string CancelHref => "/pro/structures";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (!FacilityAccess.CanCreate(user))
        {
            return Forbid();
        }
        Input = FacilityForm.Blank();
        Options = await save.OptionsAsync(user, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        if (!FacilityAccess.CanCreate(user))
        {
            return Forbid();
        }
        // The handler validates everything and speaks French; the binder's own (English) messages are not shown.
        ModelState.Clear();
        var outcome = await save.CreateAsync(user, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            FacilityForm.PadSections(Input);
            Options = await save.OptionsAsync(user, null, ct);
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "La structure a été créée.";
        return Redirect($"/pro/structures/{outcome.Value}");
    }
}
