using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Berceau.Data;

/// <summary>
/// Sets one property of many rows, each matched by its key at the version the caller read (the entity's integer concurrency
/// token), and moves that version on: the set-based counterpart of SaveChanges' optimistic concurrency, for units of work too
/// large for the change tracker (a commission's freeze moves tens of thousands of applications). A row changed since it was
/// read is not matched: the caller compares the count returned with the rows it asked for. Runs in the caller's open
/// transaction. How the rows travel depends on the provider, each the fastest measured (docs/performance.md):
/// <list type="bullet">
/// <item>SQLite: one single-row UPDATE prepared once, bound and stepped for each row (<see cref="SqliteRowStatement"/>), each
/// a lookup by primary key. An UPDATE per version read with the keys as one JSON parameter took twice as long.</item>
/// <item>PostgreSQL: one UPDATE joined to the keys and versions sent as two arrays (<c>unnest</c>): one round trip and one
/// plan, where an UPDATE per version read with <c>= ANY(keys)</c> cost one statement and one scan of the table each.</item>
/// </list>
/// </summary>
public static class BulkUpdate
{
    public static async Task<int> SetAtVersionsAsync<TEntity, TValue>(this DbContext db, IReadOnlyList<(object Key, int Version)> rows,
        Expression<Func<TEntity, TValue>> property, TValue value, CancellationToken ct) where TEntity : class
    {
        if (rows.Count == 0) return 0;
        BulkModel.RequireTransaction(db, nameof(BulkUpdate));
        var entity = BulkModel.Entity(db, typeof(TEntity));
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var version = entity.GetProperties().Single(p => p.IsConcurrencyToken && p.ClrType == typeof(int));
        var set = entity.FindProperty(((MemberExpression)property.Body).Member.Name)
            ?? throw new InvalidOperationException($"{property} is not a mapped property of {entity.DisplayName()}.");
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var (name, keyColumn, versionColumn, setColumn) =
            (sql.DelimitIdentifier(table.Name, table.Schema), Column(key), Column(version), Column(set));
        var (keyMapping, setMapping) = (key.GetRelationalTypeMapping(), set.GetRelationalTypeMapping());

        if (db.Database.IsSqlite())
        {
            using var statement = SqliteRowStatement.Prepare((SqliteConnection)db.Database.GetDbConnection(),
                $"UPDATE {name} SET {setColumn} = ?1, {versionColumn} = {versionColumn} + 1 WHERE {keyColumn} = ?2 AND {versionColumn} = ?3",
                [setMapping, keyMapping, version.GetRelationalTypeMapping()]);
            var values = new object?[3];
            values[0] = BulkModel.ToProvider(setMapping, value);
            var changed = 0;
            foreach (var (rowKey, rowVersion) in rows)
            {
                ct.ThrowIfCancellationRequested();
                (values[1], values[2]) = (BulkModel.ToProvider(keyMapping, rowKey), rowVersion);
                changed += statement.Execute(values);
            }
            return changed;
        }
        var keys = rows.Select(r => BulkModel.ToProvider(keyMapping, r.Key)).ToArray();
        var typedKeys = Array.CreateInstance(keys[0]!.GetType(), keys.Length);
        Array.Copy(keys, typedKeys, keys.Length);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {name} AS t SET {setColumn} = @value, {versionColumn} = t.{versionColumn} + 1 "
            + $"FROM unnest(@keys::{BulkModel.StoreTypeName(keyMapping)}[], @versions::integer[]) AS m(k, v) WHERE t.{keyColumn} = m.k AND t.{versionColumn} = m.v";
        command.Parameters.Add(setMapping.CreateParameter(command, "value", value, set.IsNullable));
        command.Parameters.Add(new NpgsqlParameter("keys", typedKeys));
        command.Parameters.Add(new NpgsqlParameter("versions", rows.Select(r => r.Version).ToArray()));
        return await command.ExecuteNonQueryAsync(ct);
    }
}
