using System.Globalization;
using System.Text;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Governance;
using Berceau.Domain.Newsletter;
using Berceau.Domain.Practices;
using Berceau.Domain.Schema;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Practices;
using Berceau.Web.Features.Schema;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Newsletter;

public enum LinkOutcome { Done, Invalid }

/// <summary>An issue sent, as the archive and the secretariat's page list it.</summary>
public sealed record IssueRow(int Number, string Title, DateTimeOffset SentAt);

/// <summary>Subscribe, confirm, unsubscribe; compose and send an issue. Each change and the e-mails it sends are saved together.</summary>
public sealed class NewsletterActions(BerceauDbContext db, NewsletterTokens tokens, Notifier notifier, PublicLinks links, AuditLog audit, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public Task<bool> DepartementExistsAsync(string departement, CancellationToken ct) => db.Departements.AnyAsync(d => d.Code == departement, ct);

    /// <summary>The issues sent in the département, newest first: the public archive and the secretariat's page.</summary>
    public async Task<IReadOnlyList<IssueRow>> IssuesAsync(string departement, CancellationToken ct) =>
        await db.NewsletterIssues.AsNoTracking().Where(i => i.DepartementCode == departement)
            .OrderByDescending(i => i.Number).Select(i => new IssueRow(i.Number, i.Title, i.SentAt)).ToListAsync(ct);

    /// <summary>
    /// Asks for a subscription: a confirmation e-mail to a new, pending or unsubscribed address; nothing to a confirmed one. The page
    /// says the same in every case, so that the form does not tell who subscribed.
    /// </summary>
    public async Task<Outcome<bool>> SubscribeAsync(string departement, string? typed, CancellationToken ct)
    {
        var checkedEmail = NewsletterSubscriber.CheckEmail(typed);
        if (!checkedEmail.IsSuccess) return Outcome<bool>.Failure(checkedEmail.Problems);
        var email = checkedEmail.Value;
        var now = clock.GetUtcNow();
        var subscriber = await db.NewsletterSubscribers.FirstOrDefaultAsync(s => s.DepartementCode == departement && s.Email == email, ct);
        if (subscriber is null)
        {
            subscriber = NewsletterSubscriber.Request(departement, email, now);
            db.NewsletterSubscribers.Add(subscriber);
        }
        else if (subscriber.Status == SubscriberStatus.Confirmed) return true;
        else subscriber.RequestAgain(now);
        var link = $"{NewsletterFeature.ConfirmPath}?code={Uri.EscapeDataString(tokens.Confirmation(subscriber.Id, subscriber.RequestedAt))}";
        await notifier.QueueAsync(new Recipient(email), new OutgoingNotification(NewsletterFeature.SubscriberKind,
            $"Confirmez votre inscription au journal du schéma ({departement})",
            $"""
            Bonjour,

            Vous avez demandé à recevoir le journal du schéma départemental des services aux familles ({departement}).
            Pour confirmer votre inscription, ouvrez le lien ci-dessous dans les 7 jours.

            Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : vous ne recevrez rien.
            """, link, InApp: false),
            $"{NewsletterFeature.SubscriberKind}:{subscriber.Id}:{subscriber.RequestedAt.UtcTicks}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address sent twice at once: the other request holds the subscription and its e-mail.
            db.ChangeTracker.Clear();
        }
        return true;
    }

    public async Task<LinkOutcome> ConfirmAsync(string? code, CancellationToken ct)
    {
        if (tokens.ReadConfirmation(code) is not { } read) return LinkOutcome.Invalid;
        var subscriber = await db.NewsletterSubscribers.FirstOrDefaultAsync(s => s.Id == read.Subscriber, ct);
        if (subscriber is null || !subscriber.Confirm(read.RequestedAt, clock.GetUtcNow())) return LinkOutcome.Invalid;
        await db.SaveChangesAsync(ct);
        return LinkOutcome.Done;
    }

    public async Task<LinkOutcome> UnsubscribeAsync(string? code, CancellationToken ct)
    {
        if (tokens.ReadUnsubscription(code) is not { } id) return LinkOutcome.Invalid;
        var subscriber = await db.NewsletterSubscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null) return LinkOutcome.Invalid;
        subscriber.Unsubscribe(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return LinkOutcome.Done;
    }

    /// <summary>
    /// A draft of the next issue: the états d'avancement of the département's published fiches and the good practices published since
    /// the last issue (or the last three months), each with its link; the meetings of the département's instances held since then and
    /// those planned. Governance is staff only (minutes and attendance name people), so a meeting is told by its instance, kind, day
    /// and number of decisions only: never the place, the visio link, the minutes, who came or the decisions' text, which the
    /// secretariat adds by hand if it chooses to publish them. The secretariat edits the draft before sending.
    /// </summary>
    public async Task<(string Title, string Body, int Number)> DraftAsync(string departement, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = (await db.NewsletterIssues.AsNoTracking().Where(i => i.DepartementCode == departement).Select(i => new { i.Number, i.SentAt }).ToListAsync(ct))
            .MaxBy(i => i.Number);
        var since = last?.SentAt ?? now.AddMonths(-3);
        var updates = (await db.ProgressUpdates.AsNoTracking()
            .Join(db.ActionSheets.Where(s => s.IsPublished), u => u.SheetId, s => s.Id, (u, s) => new { u, s.Number, s.Title, s.SchemaId, SheetId = s.Id })
            .Join(db.Schemas.Where(s => s.DepartementCode == departement), x => x.SchemaId, s => s.Id, (x, s) => x)
            .ToListAsync(ct))
            .Where(x => x.u.At >= since).OrderBy(x => x.u.At).ToList();
        var practices = (await db.GoodPractices.AsNoTracking()
            .Where(p => p.Status == PracticeStatus.Published && (p.DepartementCode == null || p.DepartementCode == departement))
            .Select(p => new { p.Id, p.Title, p.Place, p.ModeratedAt }).ToListAsync(ct))
            .Where(p => p.ModeratedAt >= since).OrderBy(p => p.Title, StringComparer.Create(French, false)).ToList();

        var meetings = await MeetingsAsync(departement, ParisTime.DayOf(since), ParisTime.DayOf(now), ct);

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Les nouvelles du schéma depuis le {ParisTime.DayOf(since).ToString("d MMMM yyyy", French)}.\n");
        body.Append("\nÉtats d’avancement des fiches actions\n");
        if (updates.Count == 0) body.Append("- Aucun nouvel état d’avancement.\n");
        foreach (var x in updates)
            body.Append(CultureInfo.InvariantCulture, $"- Fiche {x.Number} « {x.Title} » : {x.u.State.Label().ToLower(French)} au {x.u.On.ToString("dd/MM/yyyy", French)}. {x.u.Comment}\n  {links.Absolute(SchemaFeature.PublicSheetPath(departement, x.SheetId.Value))}\n");
        body.Append("\nBonnes pratiques publiées\n");
        if (practices.Count == 0) body.Append("- Aucune nouvelle bonne pratique.\n");
        foreach (var p in practices)
            body.Append(CultureInfo.InvariantCulture, $"- {p.Title}{(p.Place.Length > 0 ? $" ({p.Place})" : "")}\n  {links.Absolute(PracticesFeature.PublicPracticePath(p.Id))}\n");
        body.Append("\nRéunions des instances du schéma\n");
        var held = meetings.Where(m => m.Status == GovernanceMeetingStatus.Held).ToList();
        if (held.Count == 0) body.Append("- Aucune réunion tenue.\n");
        foreach (var m in held)
            body.Append(CultureInfo.InvariantCulture, $"- {m.Kind.Label()} « {m.Body} » réuni le {m.Date.ToString("dd/MM/yyyy", French)}{(m.Decisions == 0 ? "" : m.Decisions == 1 ? " : 1 décision" : $" : {m.Decisions} décisions")}.\n");
        var planned = meetings.Where(m => m.Status == GovernanceMeetingStatus.Planned).ToList();
        body.Append("\nProchaines réunions\n");
        if (planned.Count == 0) body.Append("- Aucune réunion prévue.\n");
        foreach (var m in planned)
            body.Append(CultureInfo.InvariantCulture, $"- {m.Kind.Label()} « {m.Body} » le {m.Date.ToString("dd/MM/yyyy", French)}.\n");
        body.Append(CultureInfo.InvariantCulture, $"\nLe schéma en ligne : {links.Absolute(SchemaFeature.PublicPath(departement))}\n");
        var number = (last?.Number ?? 0) + 1;
        return ($"Journal du schéma n° {number} – {ParisTime.DayOf(now).ToString("MMMM yyyy", French)}", body.ToString(), number);
    }

    private sealed record DraftMeeting(string Body, GovernanceKind Kind, DateOnly Date, GovernanceMeetingStatus Status, int Decisions);

    /// <summary>The meetings held from <paramref name="since"/> to today, and those planned from today, by day.</summary>
    private async Task<List<DraftMeeting>> MeetingsAsync(string departement, DateOnly since, DateOnly today, CancellationToken ct) =>
        [.. (await db.GovernanceMeetings.AsNoTracking()
            .Join(db.GovernanceBodies.Where(b => b.DepartementCode == departement), m => m.BodyId, b => b.Id, (m, b) => new { m, b.Name, b.Kind })
            .Where(x => (x.m.Status == GovernanceMeetingStatus.Held && x.m.Date >= since && x.m.Date <= today)
                || (x.m.Status == GovernanceMeetingStatus.Planned && x.m.Date >= today))
            .Select(x => new { x.Name, x.Kind, x.m.Date, x.m.StartsAt, x.m.Status, Decisions = x.m.Decisions.Count }).ToListAsync(ct))
            .OrderBy(x => x.Date).ThenBy(x => x.StartsAt).ThenBy(x => x.Name, StringComparer.Create(French, false))
            .Select(x => new DraftMeeting(x.Name, x.Kind, x.Date, x.Status, x.Decisions))];

    /// <summary>Archives the issue under the next number and queues one e-mail per confirmed subscriber, with their own unsubscription link.</summary>
    public async Task<Outcome<NewsletterIssue>> SendAsync(string departement, string? title, string? body, string by, CancellationToken ct)
    {
        var number = (await db.NewsletterIssues.Where(i => i.DepartementCode == departement).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
        var composed = NewsletterIssue.Compose(departement, number, title, body, clock.GetUtcNow(), by);
        if (!composed.IsSuccess) return composed;
        var issue = composed.Value;
        var subscribers = await db.NewsletterSubscribers.AsNoTracking()
            .Where(s => s.DepartementCode == departement && s.Status == SubscriberStatus.Confirmed).Select(s => new { s.Id, s.Email }).ToListAsync(ct);
        issue.Recipients = subscribers.Count;
        db.NewsletterIssues.Add(issue);
        await notifier.QueueManyAsync([.. subscribers.Select(s => (new Recipient(s.Email), new OutgoingNotification(NewsletterFeature.IssueKind, issue.Title,
            $"{issue.Body}\n\n—\nVous recevez ce journal parce que vous vous y êtes inscrit. Pour ne plus le recevoir : {links.Absolute($"{NewsletterFeature.UnsubscribePath}?code={Uri.EscapeDataString(tokens.Unsubscription(s.Id))}")}",
            NewsletterFeature.IssuePath(departement, number), InApp: false), $"{NewsletterFeature.IssueKind}:{issue.Id}:{s.Id}"))], ct);
        audit.Record(NewsletterAudit.Sent, NewsletterAudit.EntityType, issue.Id.ToString(), $"{departement} n° {number}, {subscribers.Count} abonné(s)");
        var saved = await CaseSave.SaveAsync(db, "concurrency", ct);
        return saved.IsSuccess ? issue : Outcome<NewsletterIssue>.Failure(saved.Problems);
    }
}
