using Berceau.Domain.Staffing;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Staffing.Staff;

/// <summary>The staffing table of a crèche: its encadrement rule and, per profession, positions filled and vacant.</summary>
public sealed class EditModel(CurrentStaff staff, FacilityQueries queries, StaffingActions actions) : StaffingPage(staff, queries)
{
    [BindProperty]
    public StaffingInput Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> RuleItems { get; } =
        [.. Enum.GetValues<EncadrementRule>().Select(r => new SelectListItem(r.Label(), r.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadCollectiveAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        var staffing = await actions.StaffingAsync(Facility.Id, tracked: false, ct);
        Input = new StaffingInput
        {
            Version = staffing.Version,
            Rule = staffing.Rule.ToString(),
            Positions = [.. Professions.OfFacility.Select(p => new PositionInput
            {
                Profession = p.ToString(),
                Filled = InputReader.Format(staffing.Filled(p)),
                Vacant = InputReader.Format(staffing.Vacant(p)),
            })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadCollectiveAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var problems = await actions.SaveStaffingAsync(Member, Facility, Input, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = "Le tableau des effectifs a été enregistré.";
        return Redirect(BasePath);
    }

    public static string LabelOf(string? profession) =>
        Enum.TryParse<Profession>(profession, out var p) ? p.Label() : "Métier inconnu";
}
