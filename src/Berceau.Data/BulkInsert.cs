using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Berceau.Data;

/// <summary>
/// Inserts many rows of one entity type, untracked: for the units of work too large for the change tracker (a département's
/// commission freeze writes about 150,000 rows, which SaveChanges would track one by one and send as SQL text to parse). The values go through the model's own columns, type mappings and value converters, so the
/// rows are those SaveChanges would write. Keys the database generates (integer identities) are left to it and not read back.
/// Runs in the caller's transaction, which must be open: the rows are committed with the rest of the unit of work, or not at all.
/// How the rows travel depends on the provider, each the fastest measured (docs/performance.md):
/// <list type="bullet">
/// <item>SQLite runs inside the process: one single-row INSERT, prepared once and executed for each row with its values bound
/// by position, through SQLite's own API (<see cref="SqliteRowStatement"/>). A few microseconds a row; writing the rows as SQL
/// text cost more to generate and to parse (a freeze: 4 to 6 s of CPU for its 120,000 rows), and a multi-row INSERT with
/// parameters is worse still: Microsoft.Data.Sqlite binds each parameter by name, which SQLite finds by a linear search among
/// the statement's parameters, so thousands of them cost the square of their number.</item>
/// <item>PostgreSQL is a round trip away: the rows are streamed by COPY in its binary format, each value as the model's type
/// mapping converts it, typed by the column's store type. A département's freeze wrote its 30,000 entries in 1.5 s as multi-row
/// INSERTs of SQL literals (the server parsing megabytes of text), in a fraction of that by COPY (docs/performance.md).</item>
/// </list>
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts rows of an entity type (not owned). Returns the number of rows written.</summary>
    public static Task<int> InsertManyAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class =>
        InsertAsync(db, BulkModel.Entity(db, typeof(T)), rows, owner: null, ct);

    /// <summary>
    /// Inserts rows of an owned collection (e.g. an application's status changes), each with the key of its owner (the owned
    /// type's foreign key, which is not a property of the row).
    /// </summary>
    public static Task<int> InsertOwnedAsync<T>(this DbContext db, IReadOnlyList<(object OwnerKey, T Row)> rows, CancellationToken ct)
        where T : class =>
        InsertAsync(db, BulkModel.Entity(db, typeof(T)), rows.Select(r => r.Row).ToList(), owner: i => rows[i].OwnerKey, ct);

    private static async Task<int> InsertAsync<T>(DbContext db, IEntityType entity, IReadOnlyList<T> rows, Func<int, object>? owner,
        CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        BulkModel.RequireTransaction(db, nameof(BulkInsert));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var ownerKey = entity.FindOwnership()?.Properties.Single();
        if (ownerKey is not null && owner is null)
            throw new InvalidOperationException($"{entity.DisplayName()} is owned: use InsertOwnedAsync with the owners' keys.");
        var columns = entity.GetProperties().Where(p => !GeneratedByDatabase(p)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"{sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))) + ")";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        var getters = columns.Select(c => c == ownerKey ? null : c.GetGetter()).ToList();
        object? Value(int row, int column) => getters[column] is { } getter ? getter.GetClrValueUsingContainingEntity(rows[row]) : owner!(row);

        object? Provider(int row, int column) => BulkModel.ToProvider(mappings[column], Value(row, column));

        if (db.Database.IsSqlite())
        {
            // The context's own connection, inside its open transaction: one INSERT prepared once, each row bound and stepped.
            using var statement = SqliteRowStatement.Prepare((SqliteConnection)db.Database.GetDbConnection(),
                $"INSERT INTO {into} VALUES (" + string.Join(", ", columns.Select((_, c) => "?" + (c + 1))) + ")", mappings);
            var values = new object?[columns.Count];
            var inserted = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                ct.ThrowIfCancellationRequested();
                for (var c = 0; c < columns.Count; c++) values[c] = Provider(r, c);
                inserted += statement.Execute(values);
            }
            return inserted;
        }
        var types = mappings.Select(BulkModel.StoreTypeName).ToList();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {into} FROM STDIN (FORMAT BINARY)", ct);
        for (var r = 0; r < rows.Count; r++)
        {
            await importer.StartRowAsync(ct);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = Provider(r, c);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, types[c], ct);
            }
        }
        return checked((int)await importer.CompleteAsync(ct));
    }

    /// <summary>An integer key the database numbers itself (identity on PostgreSQL, rowid on SQLite).</summary>
    private static bool GeneratedByDatabase(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd
        && (property.ClrType == typeof(int) || property.ClrType == typeof(long));
}
