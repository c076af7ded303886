using Berceau.Domain.Commission;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// A director declares, section by section, the seats their crèche offers to the session and the day they are free, until the
/// freeze. Only the structures the user may edit in the offer registry are listed (a director: their own).
/// </summary>
public sealed class SeatsModel(CommissionAccess access, CommissionQueries queries, CommissionActions actions, Staffing.OpenCapacity capacity) : PageModel
{
    [BindProperty]
    public List<SeatInput> Seats { get; set; } = [];

    public CommissionSession Session { get; private set; } = null!;
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Seats = Rows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var outcome = await actions.DeclareSeatsAsync(Session, Facilities, Seats, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, "");
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "Les places à attribuer ont été enregistrées.";
        return Redirect($"/pro/commissions/{id}/places");
    }

    /// <summary>Places gelées faute de personnel on the freeze day, by section: the hint gives the places open that day.</summary>
    public IReadOnlyList<PlaceFreeze> Freezes { get; private set; } = [];

    public int OpenOnFreezeDay(Section section) => PlaceFreeze.OpenOn(Freezes, section, Session.FreezeDate);

    public SeatDeclaration? Declared(Guid sectionId) => Session.Seats.FirstOrDefault(s => s.SectionId == sectionId);

    public string? Message => TempData[DetailsModel.MessageKey] as string;

    /// <summary>One row per section of each structure, pre-filled with the current declaration.</summary>
    private List<SeatInput> Rows() => [.. Facilities.SelectMany(f => f.Sections.OrderBy(s => s.MinAgeMonths).Select(s => new SeatInput
    {
        FacilityId = f.Id.Value, SectionId = s.Id,
        Seats = Declared(s.Id)?.Seats.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AvailableOn = Declared(s.Id)?.AvailableOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }))];

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        Session = session;
        Facilities = await access.DeclarableFacilitiesAsync(session, tracked: false, ct);
        if (Facilities.Count == 0) return Forbid();
        Freezes = await capacity.FreezesAsync([.. Facilities.Select(f => f.Id)], session.FreezeDate, ct);
        return null;
    }
}
