namespace Berceau.Domain.Notifications;

/// <summary>
/// One e-mail waiting to be sent, saved by the same SaveChanges as the change it tells about, so that a change is never
/// committed without its e-mail nor an e-mail sent for a change that was rolled back. A worker sends it later, retrying
/// with a growing delay; <see cref="IdempotencyKey"/> is unique so that the same notification is never queued twice.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxKeyLength = 200;
    public const int MaxSubjectLength = 300;
    public const int MaxErrorLength = 2000;

    public long Id { get; init; }
    /// <summary>What the message is about (<see cref="NotificationKinds"/>), for the admin's list and for statistics.</summary>
    public required string Kind { get; init; }
    public required string RecipientEmail { get; init; }
    public string? RecipientUserId { get; init; }
    /// <summary>
    /// The commune the message is about (an application's), which decides which admins may see it; null for messages about
    /// an account itself (confirmation), which belong to no territory.
    /// </summary>
    public string? CommuneCode { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }
    /// <summary>Files sent with the message (an iCalendar invitation…), saved with it in the same unit of work.</summary>
    public List<OutboxAttachment> Attachments { get; init; } = [];
    public required string IdempotencyKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Sending attempts started so far (counted when a worker claims the message, so a crash counts too).</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Set when the worker gave up after the last allowed attempt: the message then waits for an admin.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The worker that claimed the message, and until when; another worker may take it over after that.</summary>
    public Guid? LeaseId { get; set; }
    public DateTimeOffset? LeasedUntil { get; set; }

    public bool IsPending => SentAt is null && FailedAt is null;
}

/// <summary>
/// A file attached to an outbox message: its name, its MIME type (parameters allowed, e.g.
/// <c>text/calendar; method=REQUEST; charset=UTF-8</c>) and its bytes, kept until the message is purged with it.
/// </summary>
public sealed class OutboxAttachment
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 200;
    /// <summary>An e-mail is no place for big files: attachments are small by design (invitations, short notices).</summary>
    public const int MaxBytes = 1024 * 1024;

    public long Id { get; init; }
    public long MessageId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
}

/// <summary>What a worker does after an attempt failed: try again later, or give up after the last allowed attempt.</summary>
public static class OutboxRetry
{
    /// <summary>
    /// One minute after the first failure, then doubling (1, 2, 4… minutes), capped at <paramref name="maxDelay"/>: a short
    /// outage of the mail server is absorbed within minutes, a long one does not make the worker hammer it.
    /// </summary>
    public static TimeSpan DelayAfter(int attempts, TimeSpan maxDelay)
    {
        var minutes = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromMinutes(Math.Min(minutes, maxDelay.TotalMinutes));
    }
}
