using Berceau.Data;
using Berceau.Domain.Resources;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Resources.Staff;

/// <summary>
/// An entry of the disability directory: new (/pro/handicap/fiche) or corrected (/pro/handicap/fiche/{id}), withdrawn from the
/// public page or published again. The commune is one the agent's territory covers; another territory's entry is not found (404).
/// </summary>
public sealed class EditModel(DirectoryEntries entries, BerceauDbContext db) : PageModel
{
    public const string MessageKey = "annuaire-message";

    [BindProperty] public ResourceInput Input { get; set; } = new();
    public DisabilityResource? Entry { get; private set; }
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public static IReadOnlyList<SelectListItem> KindItems { get; } = [.. DisabilityResourceLabels.Kinds.Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } key)
        {
            Entry = await entries.FindAsync(key, ct);
            if (Entry is null) return NotFound();
            Input = ResourceInput.From(Entry);
        }
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } key && (Entry = await entries.FindAsync(key, ct)) is null) return NotFound();
        ModelState.Clear();
        var saved = await entries.SaveAsync(Entry, Input, ct);
        if (saved.IsSuccess)
        {
            Message = Entry is null ? "La fiche est publiée." : "La fiche est enregistrée.";
            return Redirect(ResourcesFeature.EditPath(saved.Value));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        if (Entry is not null) Entry = await entries.FindAsync(Entry.Id, ct);
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, bool withdrawn, CancellationToken ct)
    {
        Entry = await entries.FindAsync(id, ct);
        if (Entry is null) return NotFound();
        ModelState.Clear();
        var done = await entries.SetWithdrawnAsync(Entry, Input.Version, withdrawn, ct);
        if (done.IsSuccess)
        {
            Message = withdrawn ? "La fiche est retirée de la page publique." : "La fiche est de nouveau publiée.";
            return Redirect(ResourcesFeature.EditPath(id));
        }
        ModelState.AddProblems(done.Problems, nameof(Input));
        Entry = await entries.FindAsync(id, ct);
        Input = ResourceInput.From(Entry!);
        await ChoicesAsync(ct);
        return Page();
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var codes = await entries.CommunesAsync(ct);
        CommuneItems = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Code)).ToListAsync(ct);
    }
}
