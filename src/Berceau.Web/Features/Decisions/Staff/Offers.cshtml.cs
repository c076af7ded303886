using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Web.Features.Commission;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Decisions.Staff;

/// <summary>
/// The offers of a published session (/pro/commissions/{id}/propositions): each offer with its status and deadline, the letters,
/// the free seats with the family each would go to, the button that offers a seat (an agent's confirmation, or ahead of the
/// automatic job) and the mode of reattribution. Members, admins and agents of the territory (<see cref="DecisionAccess.CanManageAsync"/>).
/// </summary>
public sealed class OffersModel(Berceau.Data.BerceauDbContext db, CommissionQueries queries, DecisionAccess access, OfferQueries offers,
    OfferActions actions, PublishDecisions publish, AuditLog audit) : PageModel
{
    public static string PathOf(Guid session) => $"/pro/commissions/{session}/propositions";

    [BindProperty]
    public string? Mode { get; set; }

    public CommissionSession Session { get; private set; } = null!;
    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];
    public IReadOnlyList<FreeSeat> FreeSeats { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        if (Session.Status != CommissionStatus.Published) return Redirect($"/pro/commissions/{id}/publication");
        await ShowAsync(ct);
        // The page names the children: who read it is written down (RULES §7).
        await audit.RecordReadAsync(DecisionAudit.SessionType, Session.Id.ToString(), ct);
        return Page();
    }

    /// <summary>Offers a free seat to the next family of its section (the button says which family).</summary>
    public Task<IActionResult> OnPostOfferAsync(Guid id, Guid section, int seat, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var offered = await actions.OfferSeatAsync(Session, section, seat, access.UserId, ct);
            return offered.IsSuccess ? Done($"La place n° {seat} est proposée à la famille suivante de la liste d’attente ; elle est prévenue.") : Fail(offered);
        }, ct);

    public Task<IActionResult> OnPostModeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var changed = await publish.ChangeModeAsync(Session, Mode, ct);
            return changed.IsSuccess ? Done("Le mode de réattribution est enregistré.") : Fail(changed, nameof(Mode));
        }, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<IActionResult>> act, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var result = await act();
        if (result is PageResult)
        {
            db.ChangeTracker.Clear();
            Session = (await queries.FindAsync(id, tracked: false, ct))!;
            await ShowAsync(ct);
        }
        return result;
    }

    private RedirectResult Done(string message)
    {
        TempData[PublishModel.MessageKey] = message;
        return Redirect(PathOf(Session.Id.Value));
    }

    private PageResult Fail<T>(Outcome<T> outcome, string field = "")
    {
        foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field.Length == 0 ? "" : field, problem.Message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        if (!await access.CanManageAsync(session, ct)) return Forbid();
        Session = session;
        Mode ??= session.Reattribution.ToString();
        return null;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Message = TempData[PublishModel.MessageKey] as string;
        var published = await PublishedRun.LoadAsync(db, queries, Session, ct);
        if (published is null) return;
        Offers = await offers.OffersAsync(published, ct);
        FreeSeats = await offers.FreeSeatsAsync(published, ct);
    }

    public static string Colour(OfferStatus status) => status switch
    {
        OfferStatus.Proposed => "blue",
        OfferStatus.Accepted => "green",
        OfferStatus.Refused or OfferStatus.Expired => "orange",
        _ => "grey",
    };

    public string Deadline(PlaceOffer offer) => offer.Status == OfferStatus.Proposed ? OfferDisplay.Date(offer.Deadline) : "";
}
