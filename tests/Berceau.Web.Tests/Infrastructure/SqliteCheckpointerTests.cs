using Berceau.Data;
using Berceau.Domain.Notifications;
using Berceau.Web.Features.Commission;
using Berceau.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// SQLite's checkpoints off the requests (<see cref="SqliteCheckpointer"/>): a large commit leaves its pages in the log, seen by
/// every connection at once; once the commission's members are done, the checkpointer copies them into the database file, so
/// that the file alone (a copy, a backup that takes only it) holds them.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("berceau-checkpoints-").FullName;

    [Fact]
    public async Task ALargeCommit_DoesNotCheckpoint_TheCheckpointerCopiesItOnceTheMembersAreDone()
    {
        var file = Path.Combine(folder, "berceau.db");
        var members = new MembersFirst();
        var checkpointer = new SqliteCheckpointer(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + file), members,
            NullLogger<SqliteCheckpointer>.Instance);
        await using (var db = Open(file, tuned: false)) await db.Database.EnsureCreatedAsync();
        checkpointer.Checkpoint();
        await checkpointer.StartAsync(default);
        try
        {
            using (members.Enter())
            {
                await using (var db = Open(file, tuned: true))
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    // Some 3,000 pages of log: more than the automatic checkpoint's 1,000.
                    await db.InsertManyAsync([.. Enumerable.Range(0, 3_000).Select(i => Message($"avis-{i:D4}"))], default);
                    await transaction.CommitAsync();
                    Assert.Equal([0], await db.Database.SqlQueryRaw<int>("PRAGMA wal_autocheckpoint").ToListAsync());
                }
                await using (var other = Open(file, tuned: false)) Assert.Equal(3_000, await other.OutboxMessages.CountAsync());
                Assert.Equal(0, await RowsInTheFileAloneAsync(file));
            }

            // Copied only once the checkpoint is over: a copy taken while it writes the file would be torn.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!LogCopiedIntoTheFile(file) && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
            Assert.True(LogCopiedIntoTheFile(file));
            Assert.Equal(3_000, await RowsInTheFileAloneAsync(file));
        }
        finally
        {
            await checkpointer.StopAsync(default);
        }
    }

    /// <summary>
    /// Whether every frame of the log is in the database file, read from the WAL index (the -shm file, sqlite.org/walformat.html):
    /// the last valid frame (mxFrame) at byte 16 of its header, the frames already copied (nBackfill) at byte 96.
    /// </summary>
    private static bool LogCopiedIntoTheFile(string file)
    {
        using var index = new FileStream(file + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[100];
        index.ReadExactly(header);
        var (lastFrame, copied) = (BitConverter.ToUInt32(header, 16), BitConverter.ToUInt32(header, 96));
        return lastFrame > 0 && copied == lastFrame;
    }

    /// <summary>The rows of a copy of the database file without its log.</summary>
    private async Task<int> RowsInTheFileAloneAsync(string file)
    {
        var copy = Path.Combine(folder, $"copie-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        await using var alone = Open(copy, tuned: false);
        return await alone.OutboxMessages.CountAsync();
    }

    private static SqliteBerceauDbContext Open(string file, bool tuned)
    {
        var options = new DbContextOptionsBuilder<SqliteBerceauDbContext>().UseSqlite("Data Source=" + file);
        if (tuned) options.AddInterceptors(new SqliteTuning(backgroundCheckpoints: true));
        return new(options.Options);
    }

    private static OutboxMessage Message(string key) => new()
    {
        Kind = "test-checkpoint", RecipientEmail = "famille@example.fr", Subject = "Avis de gel", TextBody = new string('x', 4_000),
        IdempotencyKey = key, CreatedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
        NextAttemptAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
