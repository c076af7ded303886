namespace Berceau.Domain.Notifications;

/// <summary>A message shown to a user in their account (/notifications), created with the e-mail that says the same.</summary>
public sealed class Notification
{
    public const int MaxTitleLength = 300;
    public const int MaxLinkLength = 2000;

    public long Id { get; init; }
    public required string UserId { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    /// <summary>A path on this site (never another site), e.g. the application the notification is about.</summary>
    public string? Link { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

/// <summary>The kinds of notifications; each feature adds its own.</summary>
public static class NotificationKinds
{
    public const string AccountConfirmation = "compte-confirmation";
    public const string AccountAlreadyExists = "compte-existant";
}
