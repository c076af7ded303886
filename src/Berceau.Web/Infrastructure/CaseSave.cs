using Berceau.Data;
using Berceau.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// Saves a change to a case with a log (a family's follow-up case, a structure's accompaniment) and its audit line in one
/// SaveChanges. The version check refuses a change made meanwhile by someone else (« concurrency »); the unique index « one open
/// case » refuses a case opened or reopened at the same moment as another one (<paramref name="alreadyOpenCode"/>). Either way
/// nothing is saved and the tracked changes are dropped, so the page shows the case as stored.
/// </summary>
public static class CaseSave
{
    public static async Task<Outcome<bool>> SaveAsync(BerceauDbContext db, string alreadyOpenCode, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Problem.Of("concurrency", "");
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Of(alreadyOpenCode, "");
        }
    }
}
