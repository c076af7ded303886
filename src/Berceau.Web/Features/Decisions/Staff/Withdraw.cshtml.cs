using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Decisions.Staff;

/// <summary>
/// The guichet withdraws an offer (/pro/commissions/{id}/propositions/{offerId}/retirer), with a reason the family reads: the
/// application is cancelled and the seat is released. Same access as the offers page.
/// </summary>
public sealed class WithdrawModel(CommissionQueries queries, DecisionAccess access, OfferActions actions, OfferQueries offers,
    Berceau.Data.BerceauDbContext db) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public CommissionSession Session { get; private set; } = null!;
    public OfferRow? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid offerId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, offerId, ct);
        if (denied is not null) return denied;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid offerId, CancellationToken ct)
    {
        var denied = await LoadAsync(id, offerId, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var withdrawn = await actions.WithdrawAsync(Session, offerId, Reason, access.UserId, ct);
        if (withdrawn.IsSuccess)
        {
            TempData[PublishModel.MessageKey] = $"La proposition faite à {Row!.Child} est retirée ; la place est libre.";
            return Redirect(OffersModel.PathOf(id));
        }
        foreach (var problem in withdrawn.Problems) ModelState.AddModelError(problem.Field.Length == 0 ? "" : nameof(Reason), problem.Message);
        await LoadAsync(id, offerId, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid offerId, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked: false, ct);
        if (session is null) return NotFound();
        if (!await access.CanManageAsync(session, ct)) return Forbid();
        Session = session;
        var published = await PublishedRun.LoadAsync(db, queries, session, ct);
        Row = published is null ? null : (await offers.OffersAsync(published, ct)).FirstOrDefault(r => r.Offer.Id.Value == offerId);
        return Row is null ? NotFound() : null;
    }
}
