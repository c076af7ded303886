using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// Creates a session in two steps without script: the commune first (its crèches are then listed), then the rest of the form.
/// </summary>
public sealed class NewModel(CommissionAccess access, CommissionQueries queries, CreateSession create) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Structures { get; private set; } = [];
    public string? CommuneName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var denied = await LoadAsync(Commune, ct);
        if (denied is not null) return denied;
        Input = new SessionInput { CommuneCode = CommuneName is null ? null : Commune };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var denied = await LoadAsync(Input.CommuneCode, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var created = await create.CreateAsync(Input, ct);
        if (!created.IsSuccess)
        {
            ModelState.AddProblems(created.Problems, nameof(Input));
            return Page();
        }
        TempData[DetailsModel.MessageKey] = $"La commission « {created.Value.Title} » est créée. Les directions peuvent déclarer leurs places jusqu’au gel.";
        // An agent who prepares the session without sitting on it may not see the review screen: the members page is theirs.
        var next = await access.CanReviewAsync(created.Value, ct) ? "" : "/membres";
        return Redirect($"/pro/commissions/{created.Value.Id}{next}");
    }

    private async Task<IActionResult?> LoadAsync(string? commune, CancellationToken ct)
    {
        var communes = await access.PreparableCommunesAsync(ct);
        if (communes.Count == 0) return Forbid();
        Communes = [.. communes.Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code, c.Code == commune))];
        var chosen = communes.FirstOrDefault(c => c.Code == commune);
        if (chosen.Code is null) return null;
        (Commune, CommuneName) = (chosen.Code, chosen.Name);
        var facilities = await queries.CommuneCrechesAsync(chosen.Code, ct);
        Structures = [.. facilities.OrderBy(f => f.Name, CommissionDisplay.FrenchOrder)
            .Select(f => new SelectListItem(f.Name, f.Id.Value.ToString(), Input.Facilities.Contains(f.Id.Value)))];
        return null;
    }
}
