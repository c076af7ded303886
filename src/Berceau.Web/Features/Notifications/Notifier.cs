using Berceau.Data;
using Berceau.Domain.Notifications;
using Berceau.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Notifications;

/// <summary>Who receives a notification: an address, and the account when there is one (for the in-app copy).</summary>
public sealed record Recipient(string Email, string? UserId = null);

/// <summary>
/// What to say. <paramref name="Link"/> is a path on this site (e.g. /famille/demandes/…): the e-mail gets it as a full
/// address, the in-app notification as a path. <paramref name="InApp"/> false for e-mails about the account itself
/// (confirming an address), which the person cannot read in an account they cannot open yet. <paramref name="CommuneCode"/> is
/// the commune the message is about (an application's): only the admins of that territory see it if it fails.
/// </summary>
public sealed record OutgoingNotification(string Kind, string Subject, string Body, string? Link = null, string? HtmlBody = null, bool InApp = true,
    string? CommuneCode = null, IReadOnlyList<MailAttachment>? Attachments = null);

/// <summary>A file sent with an e-mail (see <see cref="OutboxAttachment"/>): name, MIME type with its parameters, bytes.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The one way features notify people. It only ADDS rows to the caller's DbContext (an outbox message, and a
/// notification in the person's account): the caller's SaveChanges commits them with the change they are about, or
/// neither. The worker (<see cref="OutboxDispatcher"/>) sends the e-mail afterwards.
/// </summary>
public sealed class Notifier(BerceauDbContext db, TimeProvider clock, PublicLinks links, IOptions<DeploymentOptions> deployment)
{
    /// <summary>
    /// Queues the notification unless one with the same <paramref name="idempotencyKey"/> exists already (saved, or added
    /// earlier in this unit of work): a repeated request, a retried job or a double click notify once. Build the key from
    /// what makes the event unique, e.g. <c>statut:{applicationId}:{historyEntryId}</c>. Returns false when it was a repeat.
    /// </summary>
    public async Task<bool> QueueAsync(Recipient to, OutgoingNotification what, string idempotencyKey, CancellationToken ct = default)
    {
        if (idempotencyKey.Length > OutboxMessage.MaxKeyLength)
            throw new ArgumentException($"Clé d’idempotence de plus de {OutboxMessage.MaxKeyLength} caractères.", nameof(idempotencyKey));
        if (db.OutboxMessages.Local.Any(m => m.IdempotencyKey == idempotencyKey)
            || await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == idempotencyKey, ct))
            return false;

        Add(to, what, idempotencyKey, clock.GetUtcNow());
        return true;
    }

    /// <summary>
    /// <see cref="QueueAsync"/> for many notifications at once (a meeting cancelled tells each registrant): the same rules, with
    /// the keys already queued read in a few queries instead of one per notification; the rows are added to the unit of work,
    /// which the caller saves. Returns how many were queued.
    /// </summary>
    public async Task<int> QueueManyAsync(IReadOnlyList<(Recipient To, OutgoingNotification What, string IdempotencyKey)> items, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await NewRowsAsync(items, now, ct);
        foreach (var (message, notification) in rows)
        {
            db.OutboxMessages.Add(message);
            if (notification is not null) db.Notifications.Add(notification);
        }
        return rows.Count;
    }

    /// <summary>
    /// <see cref="QueueManyAsync"/> for units of work too large for the change tracker (the freeze of a département's commission
    /// tells tens of thousands of families): the rows are INSERTED at once in the caller's transaction (<see cref="BulkInsert"/>),
    /// which must be open, instead of added to the context. Returns how many were queued.
    /// </summary>
    public async Task<int> InsertManyAsync(IReadOnlyList<(Recipient To, OutgoingNotification What, string IdempotencyKey)> items, CancellationToken ct = default)
    {
        // The bulk path writes the messages' own columns only: attachments go through QueueAsync / QueueManyAsync.
        if (items.Any(i => i.What.Attachments is { Count: > 0 }))
            throw new ArgumentException("Les pièces jointes ne passent pas par l’insertion en masse.", nameof(items));
        var rows = await NewRowsAsync(items, clock.GetUtcNow(), ct);
        await db.InsertManyAsync(rows.Select(r => r.Message).ToList(), ct);
        await db.InsertManyAsync(rows.Where(r => r.Notification is not null).Select(r => r.Notification!).ToList(), ct);
        return rows.Count;
    }

    /// <summary>The rows of the items whose key is not queued yet (in the database or in this unit of work), each key once.</summary>
    private async Task<List<(OutboxMessage Message, Notification? Notification)>> NewRowsAsync(
        IReadOnlyList<(Recipient To, OutgoingNotification What, string IdempotencyKey)> items, DateTimeOffset now, CancellationToken ct)
    {
        if (items.Any(i => i.IdempotencyKey.Length > OutboxMessage.MaxKeyLength))
            throw new ArgumentException($"Clé d’idempotence de plus de {OutboxMessage.MaxKeyLength} caractères.", nameof(items));
        var known = QueuedKeys();
        foreach (var chunk in items.Select(i => i.IdempotencyKey).Distinct().Chunk(KeysPerQuery))
        {
            known.UnionWith(await db.OutboxMessages.Where(m => chunk.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct));
        }
        var rows = new List<(OutboxMessage, Notification?)>(items.Count);
        foreach (var (to, what, key) in items)
        {
            if (known.Add(key)) rows.Add(Rows(to, what, key, now));
        }
        return rows;
    }

    /// <summary>
    /// The keys of the messages added to this unit of work, without detecting changes first: queued messages are only ever added,
    /// and detecting changes walks every tracked entity.
    /// </summary>
    private HashSet<string> QueuedKeys()
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.OutboxMessages.Local.Select(m => m.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Below the parameter limits of every provider (SQLite 32,766; PostgreSQL 65,535).</summary>
    private const int KeysPerQuery = 1_000;

    private void Add(Recipient to, OutgoingNotification what, string idempotencyKey, DateTimeOffset now)
    {
        var (message, notification) = Rows(to, what, idempotencyKey, now);
        db.OutboxMessages.Add(message);
        if (notification is not null) db.Notifications.Add(notification);
    }

    /// <summary>The outbox message, and the notification in the person's account when there is one to write.</summary>
    private (OutboxMessage Message, Notification? Notification) Rows(Recipient to, OutgoingNotification what, string idempotencyKey, DateTimeOffset now)
    {
        var message = new OutboxMessage
        {
            Kind = what.Kind,
            RecipientEmail = to.Email,
            RecipientUserId = to.UserId,
            CommuneCode = what.CommuneCode,
            Subject = Truncate(what.Subject, OutboxMessage.MaxSubjectLength),
            TextBody = EmailText(what),
            HtmlBody = what.HtmlBody,
            IdempotencyKey = idempotencyKey,
            CreatedAt = now,
            NextAttemptAt = now,
            Attachments = [.. (what.Attachments ?? []).Select(Attachment)],
        };
        var notification = what.InApp && to.UserId is not null
            ? new Notification
            {
                UserId = to.UserId,
                Kind = what.Kind,
                Title = Truncate(what.Subject, Notification.MaxTitleLength),
                Body = what.Body,
                Link = what.Link,
                CreatedAt = now,
            }
            : null;
        return (message, notification);
    }

    private static OutboxAttachment Attachment(MailAttachment file)
    {
        if (file.Content.Length > OutboxAttachment.MaxBytes)
            throw new ArgumentException($"Pièce jointe de plus de {OutboxAttachment.MaxBytes} octets : {file.FileName}", nameof(file));
        _ = new System.Net.Mime.ContentType(file.ContentType); // throws on a malformed type, before anything is queued
        return new OutboxAttachment
        {
            FileName = Truncate(file.FileName, OutboxAttachment.MaxFileNameLength), ContentType = file.ContentType, Content = file.Content,
        };
    }

    private string EmailText(OutgoingNotification what)
    {
        var text = what.Body.TrimEnd();
        if (what.Link is not null)
            text += "\n\n" + links.Absolute(what.Link);
        return text + $"\n\n-- \nCe message est envoyé automatiquement par {deployment.Value.Name}. Merci de ne pas y répondre.\n";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
