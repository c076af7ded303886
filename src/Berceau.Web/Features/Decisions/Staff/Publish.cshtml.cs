using Berceau.Domain.Commission;
using Berceau.Web.Features.Commission;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Decisions.Staff;

/// <summary>
/// Publication of a validated session (/pro/commissions/{id}/publication): what will be sent, the days families have to answer,
/// the mode of reattribution, and the button. Shown to whoever follows the session; published by the president or an agent of
/// the commune only (<see cref="DecisionAccess.CanPublishAsync"/>), checked again on POST.
/// </summary>
public sealed class PublishModel(CommissionQueries queries, DecisionAccess access, PublishDecisions publish,
    Berceau.Data.BerceauDbContext db) : PageModel
{
    public const string MessageKey = "decisions-message";

    [BindProperty]
    public PublishInput Input { get; set; } = new();

    public CommissionSession Session { get; private set; } = null!;
    public PublicationCount? Count { get; private set; }
    public bool CanPublish { get; private set; }

    public static IReadOnlyList<SelectListItem> ModeOptions(string? current) =>
    [
        new(ReattributionMode.Automatic.Label(), nameof(ReattributionMode.Automatic), current == nameof(ReattributionMode.Automatic)),
        new(ReattributionMode.AgentConfirms.Label(), nameof(ReattributionMode.AgentConfirms), current == nameof(ReattributionMode.AgentConfirms)),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        if (Session.Status == CommissionStatus.Published) return Redirect(OffersModel.PathOf(id));
        await CountAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        if (!CanPublish) return Forbid();
        ModelState.Clear();
        var published = await publish.PublishAsync(Session, Input, access.UserId, ct);
        if (published.IsSuccess)
        {
            TempData[MessageKey] = $"Les décisions sont publiées : {published.Value.Offers} propositions de place et {published.Value.Waitlisted} réponses "
                + "de liste d’attente ont été envoyées aux familles.";
            return Redirect(OffersModel.PathOf(id));
        }
        ModelState.AddProblems(published.Problems, nameof(Input));
        // Nothing of a refused publication is kept: the page shows the session as it is in the database.
        db.ChangeTracker.Clear();
        Session = (await queries.FindAsync(id, tracked: false, ct))!;
        await CountAsync(ct);
        return Page();
    }

    private async Task CountAsync(CancellationToken ct)
    {
        var run = await PublishedRun.LoadAsync(db, queries, Session, ct);
        Count = run is null ? null : PublishDecisions.Count(run);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        if (!await access.CanManageAsync(session, ct)) return Forbid();
        Session = session;
        CanPublish = await access.CanPublishAsync(session, ct);
        return null;
    }
}
