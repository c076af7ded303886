using Berceau.Data;
using Berceau.Domain.Training;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Training.Staff;

/// <summary>
/// A training offer: new (/pro/formations/fiche) or corrected (/pro/formations/fiche/{id}), with up to three sessions; withdrawn from
/// the public page or published again. Another territory's offer is not found (404).
/// </summary>
public sealed class EditModel(TrainingOffers offers, BerceauDbContext db) : PageModel
{
    public const string MessageKey = "formation-message";

    [BindProperty] public TrainingInput Input { get; set; } = new();
    public TrainingOffer? Offer { get; private set; }
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public static IReadOnlyList<SelectListItem> DiplomaItems { get; } = [.. TrainingLabels.Diplomas.Select(d => new SelectListItem(d.Label(), d.ToString()))];
    public static IReadOnlyList<SelectListItem> RouteItems { get; } = [.. TrainingLabels.Routes.Select(r => new SelectListItem(r.Label(), r.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } key)
        {
            Offer = await offers.FindAsync(key, ct);
            if (Offer is null) return NotFound();
            Input = TrainingInput.From(Offer);
        }
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } key && (Offer = await offers.FindAsync(key, ct)) is null) return NotFound();
        ModelState.Clear();
        var saved = await offers.SaveAsync(Offer, Input, ct);
        if (saved.IsSuccess)
        {
            Message = Offer is null ? "L’offre de formation est publiée." : "L’offre de formation est enregistrée.";
            return Redirect(TrainingFeature.EditPath(saved.Value));
        }
        ModelState.AddProblems(saved.Problems, nameof(Input));
        if (Offer is not null) Offer = await offers.FindAsync(Offer.Id, ct);
        await ChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, bool withdrawn, CancellationToken ct)
    {
        Offer = await offers.FindAsync(id, ct);
        if (Offer is null) return NotFound();
        ModelState.Clear();
        var done = await offers.SetWithdrawnAsync(Offer, Input.Version, withdrawn, ct);
        if (done.IsSuccess)
        {
            Message = withdrawn ? "L’offre est retirée de la page publique." : "L’offre est de nouveau publiée.";
            return Redirect(TrainingFeature.EditPath(id));
        }
        ModelState.AddProblems(done.Problems, nameof(Input));
        Offer = await offers.FindAsync(id, ct);
        Input = TrainingInput.From(Offer!);
        await ChoicesAsync(ct);
        return Page();
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        var codes = await offers.CommunesAsync(ct);
        CommuneItems = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Code)).ToListAsync(ct);
        while (Input.Sessions.Count < TrainingFeature.SessionRows) Input.Sessions.Add(new SessionInput());
    }
}
