using Berceau.Data;
using Berceau.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// The freeze's move of the examined applications to « en commission », written set-based in the freeze's open transaction,
/// each application only at the version the freeze read. For each version read (a handful), one statement writes the status
/// changes, <c>INSERT … SELECT</c> from the applications matched by id and version (their status before is the row's own), and one
/// UPDATE moves them, their version moved as <see cref="Application.Move"/> moves it. No value travels row by row from the
/// process: a département's 30,000 changes took 270–550 ms bound one row at a time on SQLite (docs/performance.md). Each move
/// was checked beforehand by the application's own rule (<see cref="Domain.Commission.ExaminedApplication.MoveToCommittee"/>),
/// which gives <paramref name="change"/>: every change of the freeze has its destination, instant, author and reason.
/// </summary>
internal static class CommitteeMoves
{
    /// <summary>
    /// Returns the number of applications moved, or -1 when the status changes and the moves did not match the same applications
    /// (one changed between the two statements): the caller then saves nothing.
    /// </summary>
    public static async Task<int> WriteAsync(BerceauDbContext db, IEnumerable<(int Version, Domain.Applications.ApplicationId Id)> examined, StatusChange change, CancellationToken ct)
    {
        var moved = 0;
        foreach (var atVersion in examined.GroupBy(e => e.Version, e => e.Id))
        {
            var (version, ids) = (atVersion.Key, atVersion.ToList());
            // One parameter holding the list (JSON on SQLite, an array on PostgreSQL): EF Core would otherwise send a parameter
            // per application, which SQLite binds by a linear search among them (thousands: a second per freeze).
            IQueryable<Application> Matched() => db.Applications.Where(a => EF.Parameter(ids).Contains(a.Id) && a.Version == version);
            var written = await InsertChangesAsync(db, Matched().Select(a => new { a.Status, a.Id }), change, ct);
            var updated = await Matched().ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, change.To).SetProperty(a => a.Version, a => a.Version + 1), ct);
            if (written != updated) return -1;
            moved += updated;
        }
        return moved;
    }

    /// <summary>
    /// <c>INSERT INTO the status changes (…) SELECT the row's status, the change's values, the row's id FROM (the matched rows)</c>:
    /// EF Core writes the SELECT; the change's values are parameters made by the columns' own type mappings and converters, as
    /// SaveChanges would write them.
    /// </summary>
    private static async Task<int> InsertChangesAsync<T>(BerceauDbContext db, IQueryable<T> matched, StatusChange change, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(StatusChange))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var owner = entity.FindOwnership()!.Properties.Single();
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        string[] expected = [nameof(StatusChange.From), nameof(StatusChange.To), nameof(StatusChange.At), nameof(StatusChange.By), nameof(StatusChange.Reason), owner.Name];
        // A column added to the model without a value here would be written empty: refuse instead.
        if (!columns.Select(c => c.Name).Order().SequenceEqual(expected.Order()))
            throw new InvalidOperationException($"{entity.DisplayName()} has columns this statement does not write: {string.Join(", ", columns.Select(c => c.Name))}.");

        var sql = db.GetService<ISqlGenerationHelper>();
        await using var command = matched.CreateDbCommand();
        command.Transaction = (db.Database.CurrentTransaction ?? throw new InvalidOperationException("The freeze writes in its open transaction.")).GetDbTransaction();
        var values = new List<string>(columns.Count);
        foreach (var column in columns)
        {
            if (column == owner) values.Add("s." + sql.DelimitIdentifier(nameof(Application.Id)));
            else if (column.Name == nameof(StatusChange.From)) values.Add("s." + sql.DelimitIdentifier(nameof(Application.Status)));
            else
            {
                var name = "move_" + column.Name;
                command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name),
                    column.GetGetter().GetClrValueUsingContainingEntity(change), column.IsNullable));
                values.Add(sql.GenerateParameterNamePlaceholder(name));
            }
        }
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))) + ") SELECT "
            + string.Join(", ", values) + $" FROM ({command.CommandText}) AS s";
        return await command.ExecuteNonQueryAsync(ct);
    }
}
