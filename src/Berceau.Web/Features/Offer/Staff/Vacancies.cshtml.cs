using Berceau.Domain.Offer;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>Declares free places: per section for a collective facility, within the agrément for a childminder or a MAM.</summary>
public sealed class VacanciesModel(CurrentStaff staff, FacilityQueries queries, DeclareVacancies declare) : PageModel, IVacancyForm
{
    [BindProperty]
    public VacancyInput Input { get; set; } = new();

    public Facility Facility { get; private set; } = null!;
    public VacancyKind Kind { get; private set; }
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null)
        {
            return denied;
        }
        Input = Blank();
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
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var outcome = await declare.DeclareAsync(user, Facility, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            Input = Blank(keep: Input);
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "Les places disponibles ont été enregistrées.";
        return Redirect($"/pro/structures/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null)
        {
            return denied;
        }
        await declare.WithdrawAsync(Facility, ct);
        TempData[DetailsModel.MessageKey] = "La déclaration de places disponibles a été retirée.";
        return Redirect($"/pro/structures/{id}");
    }

    public IReadOnlyList<Section> Sections => [.. Facility.Sections.OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name)];

    public IReadOnlyList<Vacancy> Current(Guid? sectionId) =>
        [.. Facility.Vacancies.Where(v => Kind == VacancyKind.Agrement || v.SectionId == sectionId).OrderBy(v => v.From)];

    public string Describe(Vacancy v) => OfferDisplay.Vacancy(v, queries.Now);

    /// <summary>One row per section in display order, keeping what the user typed in rows they already filled.</summary>
    private VacancyInput Blank(VacancyInput? keep = null)
    {
        var typed = keep?.Sections.Where(s => s.SectionId != Guid.Empty).ToDictionary(s => s.SectionId) ?? [];
        return new VacancyInput
        {
            Sections = [.. Sections.Select(s => typed.GetValueOrDefault(s.Id) ?? new SectionVacancyInput { SectionId = s.Id })],
            Places = keep?.Places,
            MinAgeMonths = keep is null ? InputReader.Format(Facility.Agrement?.MinAgeMonths) : keep.MinAgeMonths,
            MaxAgeMonths = keep is null ? InputReader.Format(Facility.Agrement?.MaxAgeMonths) : keep.MaxAgeMonths,
            From = keep?.From,
        };
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var user = await FacilityAccess.CurrentAsync(staff, ct);
        var facility = await queries.FindAsync(id, tracked, ct);
        if (facility is null)
        {
            return NotFound();
        }
        if (!FacilityAccess.CanEdit(user, facility))
        {
            return Forbid();
        }
        Facility = facility;
        Kind = DeclareVacancies.KindOf(facility);
        return null;
    }
}
