using System.Net.Mail;
using Berceau.Domain.Common;

namespace Berceau.Domain.Newsletter;

public enum SubscriberStatus { Pending, Confirmed, Unsubscribed }

/// <summary>
/// A subscriber of a département's « journal du schéma ». Double opt-in: an address typed on the site is <see cref="SubscriberStatus.Pending"/>
/// until its owner follows the link of the confirmation e-mail; only confirmed addresses receive the issues; every issue carries the
/// link that unsubscribes. One row per département and address.
/// </summary>
public sealed class NewsletterSubscriber
{
    public const int MaxEmailLength = 254;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string DepartementCode { get; init; }
    public required string Email { get; init; }
    public SubscriberStatus Status { get; private set; } = SubscriberStatus.Pending;
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? UnsubscribedAt { get; private set; }

    /// <summary>The address as typed, checked and lower-cased (one subscription per mailbox), or a problem on field <c>Email</c>.</summary>
    public static Outcome<string> CheckEmail(string? typed)
    {
        var email = typed?.Trim().ToLowerInvariant() ?? "";
        if (email.Length is 0 or > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
            return Problem.Of("newsletter-email", "Email");
        return email;
    }

    public static NewsletterSubscriber Request(string departement, string email, DateTimeOffset now) =>
        new() { DepartementCode = departement, Email = email, RequestedAt = now };

    /// <summary>Asked again (after an unsubscription, or a lost e-mail): pending again until confirmed. A confirmed address stays confirmed.</summary>
    public void RequestAgain(DateTimeOffset now)
    {
        if (Status == SubscriberStatus.Confirmed) return;
        Status = SubscriberStatus.Pending;
        RequestedAt = now;
    }

    /// <summary>The owner followed the link: confirmed. False when the link was sent before an unsubscription (it no longer counts).</summary>
    public bool Confirm(DateTimeOffset linkSentAt, DateTimeOffset now)
    {
        if (Status == SubscriberStatus.Confirmed) return true;
        if (Status == SubscriberStatus.Unsubscribed || linkSentAt < RequestedAt.AddSeconds(-1)) return false;
        Status = SubscriberStatus.Confirmed;
        ConfirmedAt = now;
        return true;
    }

    public void Unsubscribe(DateTimeOffset now)
    {
        if (Status == SubscriberStatus.Unsubscribed) return;
        Status = SubscriberStatus.Unsubscribed;
        UnsubscribedAt = now;
    }
}

/// <summary>
/// An issue of the « journal du schéma »: composed by the CDSF secretariat from the recent états d'avancement and good practices,
/// edited, then sent once to the confirmed subscribers and kept in the public archive, numbered per département.
/// </summary>
public sealed class NewsletterIssue
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public required string DepartementCode { get; init; }
    public int Number { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset SentAt { get; init; }
    public required string SentBy { get; init; }
    public int Recipients { get; set; }

    public static Outcome<NewsletterIssue> Compose(string departement, int number, string? title, string? body, DateTimeOffset now, string by)
    {
        var problems = new List<Problem>();
        var t = title?.Trim() ?? "";
        var b = body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        if (t.Length is < 5 or > MaxTitleLength) problems.Add(Problem.Of("newsletter-title", "Title", MaxTitleLength));
        if (b.Length is < 20 or > MaxBodyLength) problems.Add(Problem.Of("newsletter-body", "Body", MaxBodyLength));
        if (problems.Count > 0) return Outcome<NewsletterIssue>.Failure(problems);
        return new NewsletterIssue { DepartementCode = departement, Number = number, Title = t, Body = b, SentAt = now, SentBy = by };
    }
}
