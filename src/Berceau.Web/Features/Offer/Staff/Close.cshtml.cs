using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>Closes a facility from a date, with a reason, or reopens it. Admins and agents of the territory only.</summary>
public sealed class CloseModel(CurrentStaff staff, FacilityQueries queries, CloseFacility close) : PageModel
{
    [BindProperty]
    public ClosureInput Input { get; set; } = new();

    public Facility Facility { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null)
        {
            return denied;
        }
        Input = new ClosureInput { Version = Facility.Version, ClosedOn = InputReader.Format(queries.Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        ModelState.Clear();
        var outcome = await close.CloseAsync(Facility, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "La structure a été fermée.";
        return Redirect($"/pro/structures/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        ModelState.Clear();
        var outcome = await close.ReopenAsync(Facility, Input.Version, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "La structure a été rouverte.";
        return Redirect($"/pro/structures/{id}");
    }

    /// <summary>Loads the facility and checks the right to close it; returns the refusal, or null when allowed.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await queries.FindAsync(id, tracked, ct);
        if (facility is null)
        {
            return NotFound();
        }
        if (!FacilityAccess.CanClose(user, facility))
        {
            return Forbid();
        }
        Facility = facility;
        return null;
    }
}
