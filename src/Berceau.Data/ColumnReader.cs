using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Berceau.Data;

/// <summary>
/// Reads the rows of a query through ADO.NET, each value by the model's own type mapping and value converter: what EF Core's
/// shaper does for each value, without its per-row machinery (an async enumerator, a shaper and an object per row). For reads of
/// hundreds of thousands of flat rows, where that machinery costs more than the database (a département's commission freeze:
/// docs/performance.md). EF Core still writes the SQL (<see cref="RelationalQueryableExtensions.CreateDbCommand"/>), so the
/// query is the provider's own and its parameters are EF Core's.
/// </summary>
public static class ColumnReader
{
    private static readonly ConcurrentDictionary<(IReadOnlyProperty, Type), Delegate> Compiled = new();
    private static readonly System.Reflection.MethodInfo IsDBNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;

    /// <summary>
    /// A reader of one column of <paramref name="property"/> as <typeparamref name="T"/> (the property's type, or its nullable
    /// form): the provider's value read as the type mapping reads it, then converted as the property's converter converts it.
    /// </summary>
    public static Func<DbDataReader, int, T> For<T>(IReadOnlyProperty property) =>
        (Func<DbDataReader, int, T>)Compiled.GetOrAdd((property, typeof(T)), key => Compile<T>(key.Item1));

    private static Func<DbDataReader, int, T> Compile<T>(IReadOnlyProperty property)
    {
        var mapping = (RelationalTypeMapping)(property.FindTypeMapping()
            ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no type mapping."));
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        var method = mapping.GetDataReaderMethod();
        Expression instance = method.DeclaringType!.IsAssignableFrom(typeof(DbDataReader)) ? reader : Expression.Convert(reader, method.DeclaringType);
        var value = mapping.CustomizeDataReaderExpression(Expression.Call(instance, method, ordinal));
        var converter = mapping.Converter;
        var provider = converter?.ProviderClrType ?? mapping.ClrType;
        if (value.Type != provider) value = Expression.Convert(value, provider);
        if (converter is not null)
        {
            var from = converter.ConvertFromProviderExpression;
            value = ReplacingExpressionVisitor.Replace(from.Parameters[0], value, from.Body);
        }
        if (value.Type != typeof(T)) value = Expression.Convert(value, typeof(T));
        if (property.IsNullable) value = Expression.Condition(Expression.Call(reader, IsDBNull, ordinal), Expression.Default(typeof(T)), value);
        return Expression.Lambda<Func<DbDataReader, int, T>>(value, reader, ordinal).Compile();
    }

    /// <summary>
    /// Runs <paramref name="query"/> (a projection of exactly <paramref name="columns"/>, in their order) on the context's
    /// connection and transaction, and calls <paramref name="row"/> with the reader positioned on each row. The columns the
    /// provider returns are checked against the expected ones: a projection EF Core translated otherwise throws, never misreads.
    /// </summary>
    public static async Task ReadEachAsync<T>(this DbContext db, IQueryable<T> query, IReadOnlyList<IReadOnlyProperty> columns,
        Action<DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            // SQLite's rows are read in place, through its own API (SqliteStatementReader): no string for each identifier.
            await using var reader = command is SqliteCommand sqlite ? SqliteStatementReader.Execute(sqlite) : await command.ExecuteReaderAsync(ct);
            if (reader.FieldCount != columns.Count)
                throw new InvalidOperationException($"The query returns {reader.FieldCount} columns, {columns.Count} expected.");
            for (var i = 0; i < columns.Count; i++)
            {
                var expected = columns[i].GetColumnName();
                // EF Core suffixes a column name that appears twice in a join (Id, Id0).
                if (!reader.GetName(i).TrimEnd("0123456789".ToCharArray()).Equals(expected.TrimEnd("0123456789".ToCharArray()), StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"Column {i} of the query is {reader.GetName(i)}, {expected} expected.");
            }
            while (await reader.ReadAsync(ct)) row(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
