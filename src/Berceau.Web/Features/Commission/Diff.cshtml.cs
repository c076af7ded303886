using Berceau.Data;
using Berceau.Domain.Commission;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>Who moved where between two runs of a session, and the decision or the scores that explain it.</summary>
public sealed class DiffModel(BerceauDbContext db, CommissionAccess access, CommissionQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "de")]
    public int From { get; set; }

    [BindProperty(SupportsGet = true, Name = "a")]
    public int To { get; set; }

    public CommissionSession Session { get; private set; } = null!;
    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked: false, ct);
        if (session is null) return NotFound();
        if (!await access.CanReviewAsync(session, ct)) return Forbid();
        Session = session;
        var from = await queries.RunAsync(session.Id, From, ct);
        var to = await queries.RunAsync(session.Id, To, ct);
        if (from is null || to is null) return NotFound();
        var facilities = await queries.ScopeFacilitiesAsync(session, ct);
        var entries = await CommissionReview.EntriesAsync(db, session.Id, ct);
        Lines = RunDiff.Compare(RunView.Read(from), RunView.Read(to), entries, CommissionReview.Names.Of(facilities));
        return Page();
    }
}
