namespace Berceau.Data.Notifications;

/// <summary>
/// Gives a commune to the outbox messages queued before <c>OutboxMessages.CommuneCode</c> existed (or, for the answers to
/// erasure requests, before they set it): without one, an admin of the commune never sees them among the failed e-mails.
/// The commune is the one of the application the message is about, found through its idempotency key, which names it:
/// <c>statut:{application}:…</c>, <c>confirmation:rappel|avertissement:{application}:…</c> (application ids in "N" format),
/// <c>rattachement:{attach code}</c> and <c>effacement:{erasure request}</c>. Messages about an account itself
/// (confirmation of an address) stay without a commune, as they are written today. Only rows without a commune are touched,
/// so running it again changes nothing. Run once by the migration <c>OutboxCommuneBackfill</c> of each provider: the text
/// must keep meaning what it meant then.
/// </summary>
public static class OutboxCommuneBackfill
{
    /// <summary>Key prefixes followed by an application id, 32 hexadecimal digits.</summary>
    private static readonly string[] ApplicationKeys = ["statut:", "confirmation:rappel:", "confirmation:avertissement:"];

    /// <summary>SQLite keeps a Guid as upper-case text with dashes ("D" format): the key's "N" digits are rewritten so.</summary>
    public static string Sqlite
    {
        get
        {
            static string Guid(string key, int at)
            {
                string Part(int from, int length) => $"substr({key}, {at + from}, {length})";
                return $"upper({Part(0, 8)} || '-' || {Part(8, 4)} || '-' || {Part(12, 4)} || '-' || {Part(16, 4)} || '-' || {Part(20, 12)})";
            }
            const string Key = "\"OutboxMessages\".\"IdempotencyKey\"";
            var statements = ApplicationKeys.Select(prefix => $"""
                UPDATE "OutboxMessages" SET "CommuneCode" = (SELECT a."CommuneCode" FROM "Applications" a WHERE a."Id" = {Guid(Key, prefix.Length + 1)})
                WHERE "CommuneCode" IS NULL AND "IdempotencyKey" LIKE '{prefix}%';
                """).Append($"""
                UPDATE "OutboxMessages" SET "CommuneCode" = (SELECT a."CommuneCode" FROM "ApplicationAttachCodes" c JOIN "Applications" a ON a."Id" = c."ApplicationId" WHERE c."Id" = {Guid(Key, "rattachement:".Length + 1)})
                WHERE "CommuneCode" IS NULL AND "IdempotencyKey" LIKE 'rattachement:%';
                """).Append($"""
                UPDATE "OutboxMessages" SET "CommuneCode" = (SELECT e."CommuneCode" FROM "ErasureRequests" e WHERE e."Id" = {Guid(Key, "effacement:".Length + 1)})
                WHERE "CommuneCode" IS NULL AND "IdempotencyKey" LIKE 'effacement:%';
                """);
            return string.Join("\n", statements);
        }
    }

    /// <summary>PostgreSQL reads the "N" digits as a uuid; the CASE keeps it from casting a key that is not one.</summary>
    public static string Postgres
    {
        get
        {
            // No braces in the text (a quantifier {32} would be read as a format item by ExecuteSqlRaw).
            static string Uuid(string prefix)
            {
                var digits = $"substr(m.\"IdempotencyKey\", {prefix.Length + 1}, 32)";
                return $"CASE WHEN length({digits}) = 32 AND {digits} ~ '^[0-9a-f]+$' THEN CAST({digits} AS uuid) END";
            }
            var statements = ApplicationKeys.Select(prefix => $"""
                UPDATE "OutboxMessages" m SET "CommuneCode" = a."CommuneCode" FROM "Applications" a
                WHERE m."CommuneCode" IS NULL AND m."IdempotencyKey" LIKE '{prefix}%' AND a."Id" = {Uuid(prefix)};
                """).Append($"""
                UPDATE "OutboxMessages" m SET "CommuneCode" = a."CommuneCode" FROM "ApplicationAttachCodes" c JOIN "Applications" a ON a."Id" = c."ApplicationId"
                WHERE m."CommuneCode" IS NULL AND m."IdempotencyKey" LIKE 'rattachement:%' AND c."Id" = {Uuid("rattachement:")};
                """).Append($"""
                UPDATE "OutboxMessages" m SET "CommuneCode" = e."CommuneCode" FROM "ErasureRequests" e
                WHERE m."CommuneCode" IS NULL AND m."IdempotencyKey" LIKE 'effacement:%' AND e."Id" = {Uuid("effacement:")};
                """);
            return string.Join("\n", statements);
        }
    }

    /// <summary>The statements for the provider of <paramref name="db"/>.</summary>
    public static string For(BerceauDbContext db) => db is PostgresBerceauDbContext ? Postgres : Sqlite;
}
