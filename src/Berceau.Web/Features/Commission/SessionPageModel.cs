using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// What the pages that manage a session beside the review screen (members, cancellation, attendance) share: the session loaded
/// by id with the access the page asks for, checked at every GET and POST (404 for an unknown id, 403 otherwise), and the end of
/// a POST — the problems beside their fields, or the message and back to the page itself, since who keeps the minutes may not
/// see the review screen.
/// </summary>
public abstract class SessionPageModel(CommissionQueries queries) : PageModel
{
    public CommissionSession Session { get; private set; } = null!;

    protected CommissionQueries Queries => queries;

    /// <summary>What the last action did.</summary>
    public string? Message => TempData[DetailsModel.MessageKey] as string;

    /// <summary>Who may use the page, for this session.</summary>
    protected abstract Task<bool> MayUseAsync(CommissionSession session, CancellationToken ct);

    /// <summary>Null when the session is found and the user may use the page; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        if (!await MayUseAsync(session, ct)) return Forbid();
        Session = session;
        return null;
    }

    /// <summary>
    /// After an action: on success, <paramref name="message"/> for the next page and a redirect to <paramref name="path"/>; on
    /// failure, null once the problems are beside their fields (under <paramref name="prefix"/>), for the caller to show the page.
    /// </summary>
    protected IActionResult? Done<T>(Outcome<T> outcome, string prefix, string message, string path)
    {
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, prefix);
            return null;
        }
        TempData[DetailsModel.MessageKey] = message;
        return Redirect(path);
    }
}
