using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>A facility as staff see it: its record, sections, current vacancies, history, and the actions the user may take.</summary>
public sealed class DetailsModel(CurrentStaff staff, FacilityQueries queries) : PageModel
{
    /// <summary>TempData key of the confirmation shown after a change.</summary>
    public const string MessageKey = "Offer.Message";

    public FacilityDetail Detail { get; private set; } = null!;
    public Facility Facility => Detail.Facility;
    public bool CanEdit { get; private set; }
    public bool CanClose { get; private set; }
    public bool DeclaresVacancies { get; private set; }
    public DateOnly Today => queries.Today;
    public DateTimeOffset Now => queries.Now;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await queries.FindAsync(id, tracked: false, ct);
        if (facility is null)
        {
            return NotFound();
        }
        if (!FacilityAccess.CanSee(user, facility))
        {
            return Forbid();
        }
        Detail = await queries.DetailAsync(facility, ct);
        CanEdit = FacilityAccess.CanEdit(user, facility);
        CanClose = FacilityAccess.CanClose(user, facility);
        DeclaresVacancies = CanEdit && facility.IsOpenOn(Today) && DeclareVacancies.KindOf(facility) != VacancyKind.NotApplicable;
        Message = TempData[MessageKey] as string;
        return Page();
    }

    public bool IsClosed => Facility.ClosedOn is { } on && on <= Today;

    public string SectionName(Guid? sectionId) =>
        sectionId is null ? "Agrément" : Facility.Sections.FirstOrDefault(s => s.Id == sectionId)?.Name ?? "Section supprimée";

    /// <summary>Free places of a section as the public portal counts them today.</summary>
    public int FreePlaces(Section section) =>
        Facility.Vacancies.Where(v => v.SectionId == section.Id && v.IsAvailableOn(Now, Today)).Sum(v => v.Places);
}
