using Berceau.Data;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>The family chooses to be told (e-mail and in its account) when a slot opens for this child: a crèche or all, some days.</summary>
public sealed class AlertsModel(OccasionalQueries queries, ChildFiles files) : FamilyPage
{
    [BindProperty]
    public AlertsInput Input { get; set; } = new();

    public OccasionalChild Child { get; private set; } = null!;
    public IEnumerable<SelectListItem> FacilityItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> OnOffItems => [new("Oui, prévenez-moi", "true"), new("Non", "false")];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Input = new AlertsInput
        {
            Alerts = Child.Alerts,
            FacilityId = Child.AlertFacilityId?.ToString(),
            Days = InputReader.Format(Child.AlertDays),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        ModelState.Clear();
        var problems = await files.SetAlertsAsync(Child, Input, ct);
        if (problems.Count > 0)
        {
            OfferDisplay.AddProblems(ModelState, problems, nameof(Input));
            return Page();
        }
        TempData[IndexModel.MessageKey] = Input.Alerts
            ? $"Vous serez prévenu·e des nouveaux créneaux pour {Child.ChildFirstName}."
            : $"Vous ne serez plus prévenu·e des nouveaux créneaux pour {Child.ChildFirstName}.";
        return Redirect(OccasionalCareFeature.FamilyPath);
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var child = await queries.FamilyChildAsync(FamilyUserId, id, tracked, ct);
        if (child is null) return false;
        Child = child;
        FacilityItems = (await queries.CommuneFacilitiesAsync(child.CommuneCode, ct)).Select(f => new SelectListItem(f.Name, f.Id.ToString()));
        return true;
    }
}
