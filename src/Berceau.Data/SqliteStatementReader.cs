using System.Buffers.Text;
using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Berceau.Data;

/// <summary>
/// The rows of one query read through SQLite's own API (SQLitePCL), forward only, as a <see cref="DbDataReader"/> that reads
/// each value in place: an identifier stored as text is parsed from SQLite's UTF-8 bytes, without the string that
/// <see cref="SqliteDataReader.GetGuid"/> allocates and parses. A commission's freeze reads 30,000 applications and their
/// 240,000 wishes and guardians, each with its application's identifier: through SqliteDataReader, half of that read's time was
/// spent on the .NET side, making and parsing strings (docs/performance.md). Values are read as Microsoft.Data.Sqlite reads
/// them (identifiers as 16-byte blobs or text, decimals and dates as invariant text, booleans as integers); a type it is not
/// asked for here is refused at once, and <c>ColumnReaderTests</c> compares each column with what EF Core reads.
/// </summary>
internal sealed class SqliteStatementReader : DbDataReader
{
    private readonly sqlite3 connection;
    private readonly sqlite3_stmt statement;
    private bool closed;

    private SqliteStatementReader(sqlite3 connection, sqlite3_stmt statement) => (this.connection, this.statement) = (connection, statement);

    /// <summary>
    /// Prepares the single statement of <paramref name="command"/> (as EF Core wrote it) on its open connection and binds its
    /// parameters by name, as the bulk inserts bind their values (<see cref="SqliteRowStatement.BindValue"/>).
    /// </summary>
    public static SqliteStatementReader Execute(SqliteCommand command)
    {
        var handle = command.Connection?.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(handle, command.CommandText, out var statement, out var tail);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
        var reader = new SqliteStatementReader(handle, statement);
        try
        {
            if (!string.IsNullOrWhiteSpace(tail)) throw new NotSupportedException("The query holds more than one SQL statement.");
            foreach (SqliteParameter parameter in command.Parameters) reader.Bind(parameter);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private void Bind(SqliteParameter parameter)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
        // Microsoft.Data.Sqlite accepts a name without its prefix: the statement's own spelling is one of these.
        foreach (var prefix in new[] { "@", ":", "$" })
        {
            if (index != 0) break;
            index = raw.sqlite3_bind_parameter_index(statement, prefix + parameter.ParameterName);
        }
        if (index == 0) return;
        var rc = SqliteRowStatement.BindValue(statement, index, parameter.Value, guidAsBlob: parameter.SqliteType == SqliteType.Blob);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection);
    }

    public override bool Read()
    {
        if (closed) return false;
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, connection);
        closed = true;
        return false;
    }

    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Read() ? TrueTask : FalseTask;
    }

    private static readonly Task<bool> TrueTask = Task.FromResult(true), FalseTask = Task.FromResult(false);

    public override int FieldCount => raw.sqlite3_column_count(statement);
    public override string GetName(int ordinal) => raw.sqlite3_column_name(statement, ordinal).utf8_to_string();
    public override bool IsDBNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL;
    public override long GetInt64(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);
    public override int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));
    public override short GetInt16(int ordinal) => checked((short)GetInt64(ordinal));
    public override byte GetByte(int ordinal) => checked((byte)GetInt64(ordinal));
    public override bool GetBoolean(int ordinal) => GetInt64(ordinal) != 0;
    public override double GetDouble(int ordinal) => raw.sqlite3_column_double(statement, ordinal);
    public override float GetFloat(int ordinal) => (float)GetDouble(ordinal);
    public override string GetString(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

    public override decimal GetDecimal(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_TEXT
        ? decimal.Parse(GetString(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)
        : (decimal)GetDouble(ordinal);

    public override Guid GetGuid(int ordinal)
    {
        // The storage class first: asked for after the bytes, it could be a conversion's.
        var blob = raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_BLOB;
        var bytes = raw.sqlite3_column_blob(statement, ordinal);
        if (blob && bytes.Length == 16) return new Guid(bytes);
        // Text: SQLite hands the stored UTF-8 bytes as they are.
        if (Utf8Parser.TryParse(bytes, out Guid id, out var used, 'D') && used == bytes.Length) return id;
        return Guid.Parse(GetString(ordinal));
    }

    public override T GetFieldValue<T>(int ordinal)
    {
        object value = typeof(T) switch
        {
            var t when t == typeof(DateOnly) => DateOnly.Parse(GetString(ordinal), CultureInfo.InvariantCulture),
            var t when t == typeof(TimeOnly) => TimeOnly.Parse(GetString(ordinal), CultureInfo.InvariantCulture),
            var t when t == typeof(Guid) => GetGuid(ordinal),
            var t when t == typeof(string) => GetString(ordinal),
            var t when t == typeof(long) => GetInt64(ordinal),
            var t when t == typeof(int) => GetInt32(ordinal),
            var t when t == typeof(bool) => GetBoolean(ordinal),
            var t when t == typeof(double) => GetDouble(ordinal),
            var t when t == typeof(decimal) => GetDecimal(ordinal),
            var t when t == typeof(byte[]) => GetValue(ordinal),
            _ => throw new NotSupportedException($"SqliteStatementReader does not read values of type {typeof(T).Name}; add it with a test."),
        };
        return (T)value;
    }

    public override object GetValue(int ordinal) => raw.sqlite3_column_type(statement, ordinal) switch
    {
        raw.SQLITE_NULL => DBNull.Value,
        raw.SQLITE_INTEGER => GetInt64(ordinal),
        raw.SQLITE_FLOAT => GetDouble(ordinal),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, ordinal).ToArray(),
        _ => GetString(ordinal),
    };

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++) values[i] = GetValue(i);
        return count;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < FieldCount; i++)
            if (string.Equals(GetName(i), name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new IndexOutOfRangeException(name);
    }

    public override string GetDataTypeName(int ordinal) => raw.sqlite3_column_decltype(statement, ordinal).utf8_to_string() ?? "";
    public override Type GetFieldType(int ordinal) => typeof(object);
    public override int Depth => 0;
    public override bool HasRows => throw new NotSupportedException("Read until it returns false.");
    public override bool IsClosed => closed;
    public override int RecordsAffected => -1;
    public override bool NextResult() => false;
    public override DateTime GetDateTime(int ordinal) => throw Unsupported(nameof(DateTime));
    public override char GetChar(int ordinal) => throw Unsupported(nameof(Char));
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw Unsupported("byte ranges");
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw Unsupported("char ranges");
    public override IEnumerator GetEnumerator() => throw Unsupported("enumeration");

    private static NotSupportedException Unsupported(string what) =>
        new($"SqliteStatementReader does not read {what}; add it with a test.");

    public override void Close() => closed = true;

    protected override void Dispose(bool disposing)
    {
        if (disposing) statement.Dispose();
        closed = true;
        base.Dispose(disposing);
    }
}
