using Berceau.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Numbering;

/// <summary>
/// Takes the next application number of a commune and year, for every way an application is created (family form,
/// counter, API). Call it inside the transaction that inserts the application: the counter row stays locked until that
/// transaction ends, so the numbers are given one after the other, without gaps, whatever the number of concurrent
/// creations. The SQL (UPDATE … RETURNING, INSERT … ON CONFLICT DO UPDATE … RETURNING) is the same on SQLite and PostgreSQL.
/// </summary>
public static class ReferenceCounters
{
    public static async Task<int> NextAsync(BerceauDbContext db, string communeCode, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Reference numbers are taken inside the transaction that inserts the application.");
        var taken = await db.Database.SqlQuery<int>($"""
            UPDATE "ReferenceCounters" SET "Next" = "Next" + 1
            WHERE "CommuneCode" = {communeCode} AND "Year" = {year}
            RETURNING "Next" - 1 AS "Value"
            """).ToListAsync(ct);
        if (taken.Count == 1) return taken[0];

        // First number of the commune this year, or first since the counters exist: continue after the references already
        // given. Two transactions starting the row at once both land in ON CONFLICT's atomic update for the second one.
        var prefix = ApplicationReference.Prefix(communeCode, year);
        var last = await db.Applications.AsNoTracking().Where(a => a.Reference.StartsWith(prefix))
            .OrderByDescending(a => a.Reference).Select(a => a.Reference).FirstOrDefaultAsync(ct);
        var first = ApplicationReference.NextNumber(last);
        taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO "ReferenceCounters" ("CommuneCode", "Year", "Next") VALUES ({communeCode}, {year}, {first + 1})
            ON CONFLICT ("CommuneCode", "Year") DO UPDATE SET "Next" = "ReferenceCounters"."Next" + 1
            RETURNING "Next" - 1 AS "Value"
            """).ToListAsync(ct);
        return taken[0];
    }
}
