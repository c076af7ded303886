using System.Security.Cryptography;
using System.Text;
using Berceau.Data;
using Berceau.Domain.Governance;
using Berceau.Web.Features.Meetings;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Berceau.Web.Features.Schema.Governance;

/// <summary>What an e-mail about a meeting is: an invitation (or its update), a cancellation, a reminder.</summary>
public enum MeetingMessage { Invitation, Cancellation, Reminder }

/// <summary>
/// The e-mails of an instance's meetings, each with its iCalendar file (<see cref="MeetingCalendar"/>): one message per member's
/// address, queued in the caller's unit of work through the <see cref="Notifier"/>. A member with an e-mail gets it there; a member
/// without one, at the addresses of the accounts linked to its organisation; an address is written to once. The idempotency key
/// holds the meeting, the iCalendar sequence and the address: the same invitation is never queued twice (a double click, two
/// workers), and a change of day or place (a new sequence) is sent again.
/// </summary>
public sealed class GovernanceMail(BerceauDbContext db, Notifier notifier, PublicLinks links, IOptions<MailOptions> mail, TimeProvider clock)
{
    public const string InvitationKind = "instance-invitation";
    public const string CancellationKind = "instance-annulation";
    public const string ReminderKind = "instance-rappel";

    public sealed record Address(string Email, string? UserId, string? Name);

    /// <summary>Where the members of <paramref name="body"/> are written to, one entry per address, in a stable order.</summary>
    public async Task<IReadOnlyList<Address>> RecipientsAsync(GovernanceBody body, CancellationToken ct)
    {
        var userIds = body.Members.Where(m => m.Email is null && m.UserId is not null).Select(m => m.UserId!).ToList();
        var organisations = body.Members.Where(m => m.Email is null && m.UserId is null).Select(m => m.OrganisationId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var linked = await db.PartnerMembers.AsNoTracking().Where(m => organisations.Contains(m.OrganisationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName }).Where(u => u.Email != null).ToListAsync(ct);
        var all = body.Members.Where(m => m.Email is not null).Select(m => new Address(m.Email!, m.UserId, m.PersonName))
            .Concat(accounts.Select(a => new Address(a.Email!, a.Id, a.DisplayName)))
            .Concat(linked.Select(a => new Address(a.Email!, a.Id, a.DisplayName)));
        return [.. all.GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Queues the message for every member's address; returns how many were new (a repeat queues nothing).</summary>
    public async Task<int> QueueAsync(MeetingMessage what, GovernanceMeeting meeting, GovernanceBody body, CancellationToken ct)
    {
        var to = await RecipientsAsync(body, ct);
        var items = to.Select(a => (new Recipient(a.Email, a.UserId), Notification(what, meeting, body, a), Key(what, meeting, a.Email))).ToList();
        return await notifier.QueueManyAsync(items, ct);
    }

    public static string Key(MeetingMessage what, GovernanceMeeting meeting, string email)
    {
        var kind = what switch { MeetingMessage.Invitation => InvitationKind, MeetingMessage.Cancellation => CancellationKind, _ => ReminderKind };
        // The address is hashed: the key stays short whatever its length, and holds no personal data in clear.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..24];
        return $"{kind}:{meeting.Id:N}:{meeting.Sequence}:{hash}";
    }

    /// <summary>The UID calendars know the meeting by: the same for every message about it.</summary>
    public static string Uid(GovernanceMeeting meeting) => $"{meeting.Id:N}@berceau.instances";

    public static (DateTimeOffset Start, DateTimeOffset End) Instants(GovernanceMeeting meeting) =>
        (Instant(meeting.Date, meeting.StartsAt), Instant(meeting.Date, meeting.EndsAt));

    /// <summary>A day and an hour of Paris as an instant (in a skipped hour of spring, the hour after it).</summary>
    public static DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (ParisTime.Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local));
    }

    public static string When(GovernanceMeeting m) => $"{MeetingText.Date(m.Date)}, de {MeetingText.Time(m.StartsAt)} à {MeetingText.Time(m.EndsAt)}";

    public static string Where(GovernanceMeeting m) => (m.Place, m.VideoLink) switch
    {
        ({ } place, null) => place,
        (null, { } link) => $"En visioconférence : {link}",
        ({ } place, { } link) => $"{place}, ou en visioconférence : {link}",
        _ => "",
    };

    private OutgoingNotification Notification(MeetingMessage what, GovernanceMeeting m, GovernanceBody body, Address to)
    {
        var title = $"{body.Name} – {MeetingText.Date(m.Date)}";
        var agenda = string.Join("\n", m.Agenda.OrderBy(a => a.Position).Select(a => $"{a.Position}. {a.Title}"));
        var details = $"{body.Kind.Label()} « {body.Name} »\nQuand : {When(m)}\nOù : {Where(m)}";
        var link = GovernanceFeature.MeetingPath(m.Id);
        var (subject, text) = what switch
        {
            MeetingMessage.Invitation when m.InvitedSequence is not null && m.InvitedSequence != m.Sequence =>
                ($"Réunion modifiée : {title}", $"Bonjour,\n\nLa réunion a changé. Voici la nouvelle invitation :\n{details}\n\nOrdre du jour :\n{agenda}\n\nL’invitation jointe (invitation.ics) met à jour votre agenda."),
            MeetingMessage.Invitation =>
                ($"Invitation : {title}", $"Bonjour,\n\nVotre organisation est invitée à la réunion suivante :\n{details}\n\nOrdre du jour :\n{agenda}\n\nL’invitation jointe (invitation.ics) s’ajoute à votre agenda."),
            MeetingMessage.Cancellation =>
                ($"Réunion annulée : {title}", $"Bonjour,\n\nLa réunion suivante est annulée :\n{details}\n\nMotif : {m.CancellationReason}\n\nLe fichier joint (invitation.ics) la retire de votre agenda."),
            _ =>
                ($"Rappel : {title}", $"Bonjour,\n\nPour rappel, la réunion suivante approche :\n{details}\n\nOrdre du jour :\n{agenda}"),
        };
        var kind = what switch { MeetingMessage.Invitation => InvitationKind, MeetingMessage.Cancellation => CancellationKind, _ => ReminderKind };
        var calendar = Calendar(what == MeetingMessage.Cancellation, m, body, to, agenda);
        return new OutgoingNotification(kind, subject, text, link,
            Attachments: [new MailAttachment(MeetingCalendar.FileName, what == MeetingMessage.Cancellation ? MeetingCalendar.ContentTypeCancel : MeetingCalendar.ContentTypeRequest,
                Encoding.UTF8.GetBytes(calendar))]);
    }

    private string Calendar(bool cancel, GovernanceMeeting m, GovernanceBody body, Address to, string agenda)
    {
        var (start, end) = Instants(m);
        var from = System.Net.Mail.MailAddress.TryCreate(mail.Value.Smtp.From, out var sender) ? sender : new System.Net.Mail.MailAddress("ne-pas-repondre@berceau.localhost");
        var location = (m.Place, m.VideoLink) switch { ({ } p, _) => p, (null, { } l) => l, _ => null };
        // A URL property must be absolute: without a public address (a background job with no request), there is none.
        var page = links.Absolute(GovernanceFeature.MeetingPath(m.Id));
        var e = new CalendarEvent(Uid(m), m.Sequence, start, end, $"{body.Kind.Label()} – {body.Name}",
            $"Ordre du jour :\n{agenda}" + (m.VideoLink is { } v ? $"\nVisioconférence : {v}" : ""), location,
            page.StartsWith("http", StringComparison.Ordinal) ? page : null,
            from.Address, string.IsNullOrWhiteSpace(from.DisplayName) ? "Secrétariat du CDSF" : from.DisplayName, to.Email, to.Name, clock.GetUtcNow());
        return cancel ? MeetingCalendar.Cancel(e) : MeetingCalendar.Request(e);
    }
}
