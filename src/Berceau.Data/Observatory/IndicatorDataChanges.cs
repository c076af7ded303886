using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Data.Observatory;

/// <summary>
/// Moves <see cref="IndicatorDataVersion"/> after a change of the data the observatory's indicators read. Always <b>after</b> the
/// change is committed, in a statement of its own: a snapshot job that reads version v and then the data either sees a change or
/// finds the version moved after it (the version is read before the data, the mark is written after them), so a snapshot is never
/// current without a committed change. Inside the change's transaction the mark would instead lock the row for the whole
/// transaction (every save of an application would queue behind a commission's freeze).
/// </summary>
public static class IndicatorDataChanges
{
    private const string MarkSql = "UPDATE \"IndicatorDataVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1";

    /// <summary>
    /// For the statements that bypass SaveChanges (<c>ExecuteUpdate</c>, raw SQL) on a table the indicators read: call it after the
    /// transaction has committed (or after the statement, without a transaction).
    /// </summary>
    public static Task MarkAsync(BerceauDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync(MarkSql, ct);

    internal static void Mark(DbContext db) => db.Database.ExecuteSqlRaw(MarkSql);

    internal static Task MarkAsync(DbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(MarkSql, ct);

    /// <summary>On the context's connection, outside any transaction (the one that just committed is still attached to EF at this point).</summary>
    internal static async Task MarkOnConnectionAsync(DbConnection connection, CancellationToken ct)
    {
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = MarkSql;
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    internal static void MarkOnConnection(DbConnection connection)
    {
        var opened = connection.State != ConnectionState.Open;
        if (opened) connection.Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = MarkSql;
            command.ExecuteNonQuery();
        }
        finally
        {
            if (opened) connection.Close();
        }
    }
}
