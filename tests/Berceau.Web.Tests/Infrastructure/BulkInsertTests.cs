using Berceau.Data;
using Berceau.Domain.Notifications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// The bulk path of a commission's freeze (entries, families' notices) writes the rows SaveChanges would write, on SQLite (one
/// INSERT prepared through SQLite's own API) as on PostgreSQL (binary COPY): text with quotes, accents, tabs and line breaks, absent values, instants (to the
/// millisecond the model stores); in the caller's transaction, so a rollback leaves nothing.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class BulkInsertTests(BerceauApp app)
{
    private static OutboxMessage Message(string key, bool withOptional, Guid? lease = null) => new()
    {
        Kind = "test-bulk", RecipientEmail = "élodie.d'arc@example.fr", Subject = "Décision « crèche » \\ n°1",
        TextBody = "Ligne 1\nLigne 2\tTabulée\r\nFin — 😀", IdempotencyKey = key,
        RecipientUserId = withOptional ? "user-42" : null, CommuneCode = withOptional ? "93048" : null,
        HtmlBody = withOptional ? "<p>Bonjour &amp; bienvenue</p>" : null,
        CreatedAt = new DateTimeOffset(2026, 11, 24, 20, 15, 30, TimeSpan.Zero).AddMilliseconds(12),
        // Far ahead: the outbox job running in the test app leaves these rows alone.
        NextAttemptAt = new DateTimeOffset(2100, 1, 1, 8, 0, 0, TimeSpan.Zero),
        LeaseId = withOptional ? lease ?? Guid.NewGuid() : null,
    };

    [Fact]
    public async Task RowsWrittenInBulk_ReadBackAsWritten()
    {
        var prefix = "bulk-" + Guid.NewGuid().ToString("N");
        var written = new[] { Message(prefix + "-a", withOptional: true), Message(prefix + "-b", withOptional: false) };

        var count = await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var inserted = await db.InsertManyAsync(written, default);
            await transaction.CommitAsync();
            return inserted;
        });

        Assert.Equal(2, count);
        var read = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith(prefix)).OrderBy(m => m.IdempotencyKey).ToListAsync());
        Assert.Equal(2, read.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(read[i].Id > 0);
            Assert.Equal(
                (written[i].Kind, written[i].RecipientEmail, written[i].RecipientUserId, written[i].CommuneCode, written[i].Subject,
                    written[i].TextBody, written[i].HtmlBody, written[i].CreatedAt, written[i].NextAttemptAt, written[i].LeaseId, written[i].SentAt),
                (read[i].Kind, read[i].RecipientEmail, read[i].RecipientUserId, read[i].CommuneCode, read[i].Subject,
                    read[i].TextBody, read[i].HtmlBody, read[i].CreatedAt, read[i].NextAttemptAt, read[i].LeaseId, read[i].SentAt));
        }
    }

    [Fact]
    public async Task ARowWrittenInBulk_IsStoredColumnByColumnAsSaveChangesStoresIt()
    {
        // Compared in the database's own terms (SQLite's storage classes, PostgreSQL's types): a value stored as text where
        // SaveChanges stores an integer, or an identifier in another case, would still read back the same through EF Core, and
        // yet no longer match the queries that compare it in SQL.
        var prefix = "bulk-" + Guid.NewGuid().ToString("N");
        var lease = Guid.NewGuid();
        var (saved, bulk) = (Message(prefix + "-saved", withOptional: true, lease), Message(prefix + "-bulk", withOptional: true, lease));
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(saved);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertManyAsync([bulk], default);
            await transaction.CommitAsync();
            return 0;
        });

        var (savedRow, bulkRow) = (await StoredAsync(saved.IdempotencyKey), await StoredAsync(bulk.IdempotencyKey));
        Assert.Equal(savedRow.Keys, bulkRow.Keys);
        foreach (var column in savedRow.Keys.Where(c => c is not ("Id" or "IdempotencyKey")))
            Assert.True(Equals(savedRow[column], bulkRow[column]), $"{column}: « {savedRow[column]} » ({savedRow[column]?.GetType().Name}) saved, « {bulkRow[column]} » ({bulkRow[column]?.GetType().Name}) in bulk");
    }

    /// <summary>An outbox row as the database provider returns it, column by column, untouched by EF Core's model.</summary>
    private Task<Dictionary<string, object?>> StoredAsync(string key) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"OutboxMessages\" WHERE \"IdempotencyKey\" = @key";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@key", key);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    });

    [Fact]
    public async Task RowsWrittenInBulk_AreGoneWhenTheTransactionRollsBack()
    {
        var key = "bulk-" + Guid.NewGuid().ToString("N");

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertManyAsync([Message(key, withOptional: true)], default);
            await transaction.RollbackAsync();
            return 0;
        });

        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key)));
    }
}
