using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// The commune's next commission d'attribution as a family and the guichet see it: its meeting date and its freeze date
/// (gel des demandes), the last day the wishes and the grid's answers may change.
/// </summary>
public sealed record NextCommission(string Title, DateOnly MeetingDate, DateOnly FreezeDate, DateOnly Today)
{
    /// <summary>The freeze date has passed: the commission examines the applications as they stood that day.</summary>
    public bool ChangesClosed => Today > FreezeDate;
}

/// <summary>
/// Finds the next session covering a commune: in preparation, meeting today or later (the territory's day, Paris). A frozen
/// session is not "next" for this purpose: the applications it examines are already « en commission », the others wait for
/// the session after it.
/// </summary>
public sealed class NextCommissions(BerceauDbContext db, TimeProvider clock)
{
    public DateOnly Today => ParisTime.DayOf(clock.GetUtcNow());

    public async Task<NextCommission?> ForAsync(string communeCode, CancellationToken ct)
    {
        var today = Today;
        var next = await db.CommissionSessions.AsNoTracking()
            .Where(s => s.CommuneCode == communeCode && s.Status == CommissionStatus.Preparation && s.MeetingDate >= today)
            .OrderBy(s => s.MeetingDate).ThenBy(s => s.FreezeDate)
            .Select(s => new { s.Title, s.MeetingDate, s.FreezeDate })
            .FirstOrDefaultAsync(ct);
        return next is null ? null : new NextCommission(next.Title, next.MeetingDate, next.FreezeDate, today);
    }
}
