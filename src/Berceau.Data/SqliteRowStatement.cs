using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Berceau.Data;

/// <summary>
/// One SQL statement run once per row on SQLite through the engine's own API (SQLitePCL, which Microsoft.Data.Sqlite is built
/// on), on the connection and in the transaction the context has open: prepared once, then for each row its values bound by
/// position, stepped and reset. SqliteCommand costs about 10 µs more per execution (a data reader each time, every parameter
/// bound by name, its value converted again): for a commission's freeze, 30,000 status changes and 30,000 entries, that was a
/// third of the writes (docs/performance.md).
/// Values are the provider's (after the model's value converters) and are bound as Microsoft.Data.Sqlite binds them: text,
/// 64-bit integers (booleans as 0 and 1), reals, blobs, and identifiers as upper-case text unless their column stores BLOB.
/// Any other type is refused at once: the bulk paths are tested against the rows SaveChanges writes (BulkInsertTests).
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 connection;
    private readonly sqlite3_stmt statement;
    private readonly bool[] guidAsBlob;

    private SqliteRowStatement(sqlite3 connection, sqlite3_stmt statement, bool[] guidAsBlob) =>
        (this.connection, this.statement, this.guidAsBlob) = (connection, statement, guidAsBlob);

    /// <summary>Prepares <paramref name="sql"/>, whose parameters are numbered ?1, ?2… in the order of <paramref name="mappings"/>.</summary>
    public static SqliteRowStatement Prepare(SqliteConnection open, string sql, IReadOnlyList<RelationalTypeMapping> mappings)
    {
        var handle = open.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
        return new SqliteRowStatement(handle, statement,
            [.. mappings.Select(m => m.StoreType.Equals("BLOB", StringComparison.OrdinalIgnoreCase))]);
    }

    /// <summary>Runs the statement with one row's provider values; returns the number of rows it changed.</summary>
    public int Execute(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++) Bind(i, values[i]);
        var rc = raw.sqlite3_step(statement);
        // The error's message is the connection's until its next call: read it before the reset.
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, connection);
        raw.sqlite3_reset(statement);
        return raw.sqlite3_changes(connection);
    }

    private void Bind(int index, object? value)
    {
        var rc = BindValue(statement, index + 1, value, guidAsBlob[index]);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection);
    }

    /// <summary>
    /// Binds one provider value at <paramref name="position"/> (from 1) as Microsoft.Data.Sqlite binds it; returns SQLite's code.
    /// Shared with <see cref="SqliteStatementReader"/>, which binds the parameters of EF Core's queries the same way.
    /// </summary>
    internal static int BindValue(sqlite3_stmt statement, int position, object? value, bool guidAsBlob) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, position),
        string text => raw.sqlite3_bind_text(statement, position, text),
        bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
        int number => raw.sqlite3_bind_int64(statement, position, number),
        long number => raw.sqlite3_bind_int64(statement, position, number),
        short number => raw.sqlite3_bind_int64(statement, position, number),
        byte number => raw.sqlite3_bind_int64(statement, position, number),
        double real => raw.sqlite3_bind_double(statement, position, real),
        byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
        Guid id when guidAsBlob => raw.sqlite3_bind_blob(statement, position, id.ToByteArray()),
        Guid id => raw.sqlite3_bind_text(statement, position, id.ToString().ToUpperInvariant()),
        _ => throw new NotSupportedException($"SQLite statements run through SQLite's own API do not bind values of type {value.GetType().Name}; add it to SqliteRowStatement.BindValue with a test."),
    };

    public void Dispose() => statement.Dispose();
}
