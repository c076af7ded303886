using Berceau.Data;
using Berceau.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// Saves a change to an application, and its audit line, in one SaveChanges. The version check in the UPDATE refuses a
/// change made meanwhile by someone else (another tab, the guichet): the family is told, nothing is overwritten.
/// </summary>
internal static class ApplicationSave
{
    public static async Task<Outcome<T>> SaveAsync<T>(BerceauDbContext db, T result, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Of("application-concurrency", "");
        }
    }
}
