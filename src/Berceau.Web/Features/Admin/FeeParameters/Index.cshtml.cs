using Berceau.Data;
using Berceau.Domain.Fees;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Admin.FeeParameters;

public sealed record FeeKeyHistory(FeeKeyInfo Info, IReadOnlyList<FeeParameter> Values);

public sealed record FeeSection(string Title, IReadOnlyList<FeeKeyHistory> Keys);

/// <summary>The fee parameters with their history, and the form to add a new value of one of them from a date.</summary>
public sealed class IndexModel(BerceauDbContext db, AddFeeParameter add, TimeProvider clock) : PageModel
{
    [BindProperty]
    public FeeParameterInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<FeeSection> Sections { get; private set; } = [];

    public IReadOnlyList<SelectListItem> KeyItems { get; } =
        [.. FeeParameterLabels.All.Select(k => new SelectListItem($"{k.Section} — {k.Label}", k.Key))];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await add.RunAsync(Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems);
            await LoadAsync(ct);
            return Page();
        }
        var added = outcome.Value;
        Notice = $"Nouvelle valeur de « {FeeParameterLabels.Find(added.Key)?.Label} » enregistrée à partir du {added.ValidFrom:dd/MM/yyyy}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var values = await db.FeeParameters.AsNoTracking().ToListAsync(ct);
        var byKey = values.ToLookup(v => v.Key);
        Sections = [.. FeeParameterLabels.Sections.Select(section => new FeeSection(
            section,
            [.. FeeParameterLabels.All
                .Where(k => k.Section == section)
                .Select(k => new FeeKeyHistory(k, [.. byKey[k.Key].OrderByDescending(v => v.ValidFrom)]))]))];
    }
}
