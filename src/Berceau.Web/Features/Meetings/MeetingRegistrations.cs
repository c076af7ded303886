using System.Security.Cryptography;
using System.Text;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Meetings;
using Berceau.Web.Features.Account;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Meetings;

/// <summary>What a person types to register: how many come; and, without a family account, their name, e-mail and consent.</summary>
public sealed record RegistrationInput
{
    public string? Attendees { get; init; } = "1";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public bool Consent { get; init; }
    /// <summary>When the meeting is full: wait for a seat instead of being refused.</summary>
    public bool Waitlist { get; init; }
}

/// <summary>Who registers: a family account (its name and address are used) or nobody signed in.</summary>
public sealed record Registrant(string? UserId, string? Name, string? Email);

/// <summary>
/// Registrations to meetings. The seat count of a meeting moves only in one conditional UPDATE (« take n seats if at
/// least n are left ») run in the transaction that adds the registration: of two people asking for the last seat at the
/// same instant, the database lets exactly one through, on SQLite (one writer at a time) as on PostgreSQL (the second
/// UPDATE waits for the first's row lock, then finds the condition false).
/// A full meeting has a waiting list: whoever asks waits holding no seat; when seats free up, the waiting people are registered in
/// their order (the first whose group fits) in the very transaction that frees them, under the meeting row's lock, and told.
/// </summary>
public sealed class MeetingRegistrations(BerceauDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<MeetingRegistration>> RegisterAsync(Guid meetingId, Registrant who, RegistrationInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var meeting = await db.InfoMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !meeting.IsOpenOn(ParisTime.DayOf(now))) return Problem.Of("reunion-closed", "");
        var read = new InputReader();
        var attendees = read.Integer(input.Attendees, nameof(input.Attendees), int.MinValue, int.MaxValue);
        if (attendees is null or < 1 or > MeetingRegistration.MaxAttendees) read.Add("reunion-attendees", nameof(input.Attendees), MeetingRegistration.MaxAttendees);
        var name = who.UserId is null ? read.Text(input.Name, nameof(input.Name), MeetingRegistration.MaxNameLength) : who.Name;
        if (string.IsNullOrWhiteSpace(name)) read.Add("reunion-name-required", nameof(input.Name));
        var email = (who.UserId is null ? input.Email : who.Email)?.Trim() ?? "";
        if (who.UserId is null)
        {
            if (EmailAddress.Problem(email, nameof(input.Email)) is { } bad) read.Add(bad.Code, bad.Field, EmailAddress.MaxLength);
            if (!input.Consent) read.Add("reunion-consent-required", nameof(input.Consent));
        }
        if (read.Problems.Count > 0) return Outcome<MeetingRegistration>.Failure(read.Problems);
        email = email.ToLowerInvariant();
        var existing = await db.MeetingRegistrations.FirstOrDefaultAsync(r => r.MeetingId == meetingId && r.Email == email, ct);
        if (existing is { IsActive: true }) return Problem.Of("reunion-already-registered", "");

        var secret = NewSecret();
        var seats = attendees!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The first statement of the transaction is the write that takes the seats: on SQLite it takes the write lock at once.
        var taken = await db.InfoMeetings
            .Where(m => m.Id == meetingId && m.Status == MeetingStatus.Published && m.SeatsTaken + seats <= m.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeatsTaken, m => m.SeatsTaken + seats), ct);
        if (taken == 0)
        {
            await transaction.RollbackAsync(ct);
            var left = await db.InfoMeetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.Capacity - m.SeatsTaken).FirstOrDefaultAsync(ct);
            if (left > 0) return Problem.Of("reunion-not-enough-seats", nameof(input.Attendees), left);
            return input.Waitlist ? await WaitAsync(meeting, existing, who, name!.Trim(), email, seats, now, ct) : Problem.Of("reunion-full", "");
        }
        MeetingRegistration registration;
        if (existing is not null)
        {
            existing.Renew(who.UserId, name!.Trim(), seats, Hash(secret));
            registration = existing;
        }
        else
        {
            registration = MeetingRegistration.New(meetingId, who.UserId, name!.Trim(), email, seats, Hash(secret), now);
            db.MeetingRegistrations.Add(registration);
        }
        await notifier.QueueAsync(new Recipient(email, who.UserId), MeetingEmails.Registered(meeting, seats, $"{MeetingsFeature.CancelPath}?code={secret}"),
            $"{MeetingEmails.RegisteredKind}:{registration.Id}:{registration.Version}", ct);
        audit.Record(MeetingAudit.Registered, MeetingAudit.RegistrationEntity, registration.Id.ToString(), $"réunion {meetingId}, {seats} personne(s)");
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address registered in the same instant (the unique index said so): the seats taken go back with the rollback.
            await transaction.RollbackAsync(ct);
            return Problem.Of("reunion-already-registered", "");
        }
        return registration;
    }

    /// <summary>Puts the person on the waiting list of a full meeting, tells them, then serves the list (a seat may have freed meanwhile).</summary>
    private async Task<Outcome<MeetingRegistration>> WaitAsync(InfoMeeting meeting, MeetingRegistration? existing, Registrant who, string name, string email,
        int seats, DateTimeOffset now, CancellationToken ct)
    {
        var secret = NewSecret();
        var last = await db.MeetingRegistrations.Where(r => r.MeetingId == meeting.Id).MaxAsync(r => r.WaitingOrder, ct) ?? 0;
        MeetingRegistration registration;
        if (existing is not null)
        {
            existing.Renew(who.UserId, name, seats, Hash(secret));
            registration = existing;
        }
        else
        {
            registration = MeetingRegistration.New(meeting.Id, who.UserId, name, email, seats, Hash(secret), now);
            db.MeetingRegistrations.Add(registration);
        }
        registration.Wait(last + 1);
        await notifier.QueueAsync(new Recipient(email, who.UserId), MeetingEmails.Waiting(meeting, seats, $"{MeetingsFeature.CancelPath}?code={secret}"),
            $"{MeetingEmails.WaitingKind}:{registration.Id}:{registration.Version}", ct);
        audit.Record(MeetingAudit.Waitlisted, MeetingAudit.RegistrationEntity, registration.Id.ToString(), $"réunion {meeting.Id}, {seats} personne(s)");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problem.Of("reunion-already-registered", "");
        }
        await PromoteAsync(meeting.Id, ct);
        return await db.MeetingRegistrations.AsNoTracking().FirstAsync(r => r.Id == registration.Id, ct);
    }

    /// <summary>
    /// Gives the free seats of a published meeting to its waiting list, in order (the first whose group fits), and tells each person
    /// registered (e-mail with a new cancellation link). Runs in the caller's transaction when there is one. Its first statement
    /// locks the meeting's row (PostgreSQL) or the database (SQLite): two passes never read the same list, a seat is never given twice.
    /// </summary>
    public async Task<int> PromoteAsync(Guid meetingId, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var open = await db.InfoMeetings.Where(m => m.Id == meetingId && m.Status == MeetingStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeatsTaken, m => m.SeatsTaken), ct);
            var promoted = new List<(MeetingRegistration Registration, string Secret)>();
            InfoMeeting? meeting = null;
            if (open > 0)
            {
                meeting = await db.InfoMeetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
                var waiting = await db.MeetingRegistrations.Where(r => r.MeetingId == meetingId && r.Status == MeetingRegistrationStatus.Waiting)
                    .OrderBy(r => r.WaitingOrder).ThenBy(r => r.CreatedAt).ToListAsync(ct);
                var left = meeting.Capacity - meeting.SeatsTaken;
                foreach (var r in waiting)
                {
                    if (r.Attendees > left) continue;
                    var secret = NewSecret();
                    r.Promote(Hash(secret));
                    left -= r.Attendees;
                    promoted.Add((r, secret));
                }
            }
            if (promoted.Count > 0)
            {
                var seats = promoted.Sum(p => p.Registration.Attendees);
                await db.InfoMeetings.Where(m => m.Id == meetingId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeatsTaken, m => m.SeatsTaken + seats), ct);
                foreach (var (r, secret) in promoted)
                {
                    await notifier.QueueAsync(new Recipient(r.Email, r.UserId),
                        MeetingEmails.FromWaitingList(meeting!, r.Attendees, $"{MeetingsFeature.CancelPath}?code={secret}"),
                        $"{MeetingEmails.FromWaitingListKind}:{r.Id}:{r.Version}", ct);
                    audit.Record(MeetingAudit.FromWaitingList, MeetingAudit.RegistrationEntity, r.Id.ToString(), $"{r.Attendees} place(s) libérée(s)");
                }
                await db.SaveChangesAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            return promoted.Count;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The registration a cancellation link opens, with its meeting; null when the link is unknown.</summary>
    public async Task<(MeetingRegistration Registration, InfoMeeting Meeting)?> FindByCodeAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100) return null;
        var hash = Hash(code.Trim());
        var registration = await db.MeetingRegistrations.FirstOrDefaultAsync(r => r.CancelSecretHash == hash, ct);
        if (registration is null) return null;
        var meeting = await db.InfoMeetings.AsNoTracking().FirstAsync(m => m.Id == registration.MeetingId, ct);
        return (registration, meeting);
    }

    /// <summary>
    /// Cancels a registration (its owner has been checked by the page), gives its seats back and, in the same transaction, to the
    /// waiting list. Someone leaving the waiting list held no seat.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> CancelAsync(MeetingRegistration registration, CancellationToken ct)
    {
        var seats = registration.IsWaiting ? 0 : registration.Attendees;
        if (!registration.Cancel(clock.GetUtcNow())) return [Problem.Of("reunion-registration-cancelled", "")];
        audit.Record(MeetingAudit.RegistrationCancelled, MeetingAudit.RegistrationEntity, registration.Id.ToString(), $"{seats} place(s) rendue(s)");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // First the meeting's row: its lock orders this cancellation with registrations and with the waiting list's passes.
        await db.InfoMeetings.Where(m => m.Id == registration.MeetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeatsTaken, m => m.SeatsTaken >= seats ? m.SeatsTaken - seats : 0), ct);
        try
        {
            // The registration's version guards a double click: the second cancellation finds it changed and gives nothing back.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            return [Problem.Of("reunion-registration-cancelled", "")];
        }
        if (seats > 0) await PromoteAsync(registration.MeetingId, ct);
        await transaction.CommitAsync(ct);
        return [];
    }

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
