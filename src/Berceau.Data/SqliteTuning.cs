using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Berceau.Data;

/// <summary>
/// Settings of each SQLite connection as it opens (they last as long as the connection, which the pool keeps): a page cache of
/// 64 MiB instead of SQLite's 2 MiB, and reads through a memory map of the file. A commission's freeze writes about 100,000 rows
/// and their indexes in one transaction: with 2 MiB, SQLite spilled its dirty pages to the WAL again and again before the commit,
/// and read back the pages it had just evicted (docs/performance.md). The cache grows only as pages are used, and the map is the
/// operating system's page cache, shared by every connection. Journal (WAL) and synchronous writes stay as EF Core sets them.
/// With <paramref name="backgroundCheckpoints"/>, no commit copies the WAL into the database file (SQLite's automatic
/// checkpoint, run by the commit that passes 1,000 pages in the WAL): a background checkpointer does (the web app's
/// <c>SqliteCheckpointer</c>). The commit of a freeze then no longer waits for 100 MB to be copied and synced.
/// </summary>
public sealed class SqliteTuning(bool backgroundCheckpoints = false) : DbConnectionInterceptor
{
    private readonly string pragmas = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;"
        + (backgroundCheckpoints ? " PRAGMA wal_autocheckpoint = 0;" : "");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every command synchronously underneath.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        command.ExecuteNonQuery();
    }
}
