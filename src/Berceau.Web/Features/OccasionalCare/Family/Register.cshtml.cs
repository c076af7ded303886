using Berceau.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.OccasionalCare.Family;

/// <summary>The family registers a child for occasional care in a commune, pre-filled from its latest application when it has one.</summary>
public sealed class RegisterModel(ChildFiles files) : FamilyPage
{
    [BindProperty]
    public ChildInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> CommuneItems { get; private set; } = [];
    public bool Prefilled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = await files.PrefillAsync(FamilyUserId, ct);
        Prefilled = Input.ChildFirstName is not null || Input.AnnualResources is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var outcome = await files.RegisterAsync(FamilyUserId, Input, ct);
        if (!outcome.IsSuccess)
        {
            Offer.Staff.OfferDisplay.AddProblems(ModelState, outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[IndexModel.MessageKey] = $"{outcome.Value.ChildFirstName} est inscrit·e. Le guichet vérifie le dossier : vous serez prévenu·e par e-mail.";
        return Redirect(OccasionalCareFeature.FamilyPath);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        CommuneItems = (await files.CommunesAsync(ct)).Select(c => new SelectListItem(c.Name, c.Code));
}
