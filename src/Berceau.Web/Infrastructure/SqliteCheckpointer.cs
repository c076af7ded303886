using Berceau.Data;
using Berceau.Web.Features.Commission;
using Microsoft.Data.Sqlite;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// Copies SQLite's write-ahead log into the database file (a checkpoint) in the background, once a second, instead of in the
/// commit of whichever request passes 1,000 pages in the log (the connections' automatic checkpoint is off:
/// <see cref="SqliteTuning"/>). A commission's freeze writes about 100 MB in one transaction: its commit copied and synced
/// them before the member got an answer (100–400 ms, docs/performance.md), or the next request did, often the member's review
/// page. The data are durable at the commit either way (the log is synced then); a checkpoint only moves them, so the member's
/// requests come first: it waits until no commission request has been in flight for a second (<see cref="MembersFirst"/>), at
/// most 10 s. Passive: it copies what no reader still needs, and never waits for a reader or a writer. Last checkpoint when
/// the application stops. PostgreSQL has its own checkpointer: nothing runs there.
/// </summary>
public sealed class SqliteCheckpointer(DatabaseSettings settings, MembersFirst members, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MembersQuiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MembersAtMost = TimeSpan.FromSeconds(10);
    // Never creates the file: before the first migration, EF Core must create it itself (in WAL mode).
    private readonly string connectionString =
        new SqliteConnectionStringBuilder(settings.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();

    /// <summary>The connections' automatic checkpoint off, and this service to do the work (the web app, on SQLite).</summary>
    public static IServiceCollection AddBerceauDataWithCheckpointer(IServiceCollection services, DatabaseSettings settings)
    {
        var sqlite = settings.Provider == DatabaseProvider.Sqlite;
        services.AddBerceauData(settings, backgroundCheckpoints: sqlite);
        if (sqlite) services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await members.WaitAsync(MembersAtMost, MembersQuiet, stoppingToken);
                Checkpoint();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last checkpoint runs in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Checkpoint();
    }

    /// <summary>One passive checkpoint, on a connection of its own. Public for the tests.</summary>
    public void Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            // Nothing is lost: the pages stay in the log, and the next checkpoint copies them.
            logger.LogWarning(e, "Checkpoint SQLite non fait : le suivant copiera les mêmes pages.");
        }
    }
}
