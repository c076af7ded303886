using Berceau.Data;
using Berceau.Domain.Notifications;
using Berceau.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Tests.Infrastructure;

/// <summary>
/// The bulk path of a commission's freeze (entries, families' notices) writes the rows SaveChanges would write, on SQLite (prepared
/// INSERTs) as on PostgreSQL (binary COPY): text with quotes, accents, tabs and line breaks, absent values, instants (to the
/// millisecond the model stores); in the caller's transaction, so a rollback leaves nothing.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "Database")]
public sealed class BulkInsertTests(BerceauApp app)
{
    private static OutboxMessage Message(string key, bool withOptional) => new()
    {
        Kind = "test-bulk", RecipientEmail = "élodie.d'arc@example.fr", Subject = "Décision « crèche » \\ n°1",
        TextBody = "Ligne 1\nLigne 2\tTabulée\r\nFin — 😀", IdempotencyKey = key,
        RecipientUserId = withOptional ? "user-42" : null, CommuneCode = withOptional ? "93048" : null,
        HtmlBody = withOptional ? "<p>Bonjour &amp; bienvenue</p>" : null,
        CreatedAt = new DateTimeOffset(2026, 11, 24, 20, 15, 30, TimeSpan.Zero).AddMilliseconds(12),
        // Far ahead: the outbox job running in the test app leaves these rows alone.
        NextAttemptAt = new DateTimeOffset(2100, 1, 1, 8, 0, 0, TimeSpan.Zero),
        LeaseId = withOptional ? Guid.NewGuid() : null,
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
