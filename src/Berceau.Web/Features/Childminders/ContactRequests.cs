using Berceau.Data;
using Berceau.Domain.Childminders;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders;

/// <summary>What a family writes to a childminder, as typed.</summary>
public sealed record ContactInput
{
    public string? ChildAgeMonths { get; init; }
    public List<string> Days { get; init; } = [];
    public string? StartOn { get; init; }
    public string? Message { get; init; }
}

/// <summary>The childminder's answer: accept (sharing the details they choose) or decline.</summary>
public sealed record AnswerInput
{
    public int Version { get; init; }
    public string? Choice { get; init; }
    public bool SharePhone { get; init; }
    public bool ShareEmail { get; init; }
    public bool ShareAddress { get; init; }
    public string? Message { get; init; }
}

/// <summary>
/// Contact requests between families and childminders, through the platform: the family writes, the childminder chooses to
/// answer; nothing of either side's contact details leaves the platform unless the childminder accepts, and then only what
/// they tick. The relais of the commune sees the requests and their outcome (not the messages). Every step audited and notified.
/// </summary>
public sealed class ContactRequests(BerceauDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock, ChildminderQueries queries)
{
    public const string FamilyPath = "/famille/contacts";
    public const string ChildminderPath = "/am/demandes";
    public const int MinMessageLength = 10;
    public const int MaxAgeMonths = 72;
    public const int MaxMonthsAhead = 24;

    public async Task<Outcome<ContactRequest>> SendAsync(string familyUserId, Facility facility, ContactInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (!ChildminderAccounts.IsChildminderMode(facility.Mode) || !facility.IsOpenOn(today)) return Problem.Of("am-contact-closed", "");
        var read = new InputReader();
        var age = read.Integer(input.ChildAgeMonths, nameof(input.ChildAgeMonths), int.MinValue, int.MaxValue, required: true);
        if (age is < 0 or > MaxAgeMonths) read.Add("am-child-age", nameof(input.ChildAgeMonths));
        var days = read.Days(input.Days, nameof(input.Days));
        if (days == WeekDays.None) read.Add("am-days-required", nameof(input.Days));
        var start = read.Date(input.StartOn, nameof(input.StartOn));
        if (string.IsNullOrWhiteSpace(input.StartOn) || start is { } s && (s < today || s > today.AddMonths(MaxMonthsAhead)))
            read.Add("am-start-date", nameof(input.StartOn));
        var message = read.Text(input.Message, nameof(input.Message), ContactRequest.MaxMessageLength);
        if (message is null || message.Length < MinMessageLength) read.Add("am-message-required", nameof(input.Message), MinMessageLength);
        if (read.Problems.Count > 0) return Outcome<ContactRequest>.Failure(read.Problems);
        if (await db.ContactRequests.AnyAsync(r => r.FamilyUserId == familyUserId && r.FacilityId == facility.Id && r.Status == ContactRequestStatus.Pending, ct))
            return Problem.Of("am-contact-pending", "");

        var request = new ContactRequest
        {
            FacilityId = facility.Id,
            CommuneCode = facility.CommuneCode,
            FamilyUserId = familyUserId,
            ChildAgeMonths = age!.Value,
            Days = days,
            StartOn = start!.Value,
            Message = message!,
            CreatedAt = now,
        };
        db.ContactRequests.Add(request);
        foreach (var (userId, email) in await queries.AccountsOfAsync(facility.Id, ct))
            await notifier.QueueAsync(new Recipient(email, userId), ChildminderEmails.ContactReceived($"{ChildminderPath}/{request.Id}", facility.CommuneCode),
                $"{ChildminderEmails.ContactKind}:{request.Id}:{userId}", ct);
        audit.Record(ChildminderAudit.ContactRequested, ChildminderAudit.ContactRequestEntity, request.Id.ToString(), $"structure {facility.Id}");
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The childminder answers a request of one of their facilities (the page checks it is theirs).</summary>
    public async Task<IReadOnlyList<Problem>> AnswerAsync(Facility facility, ContactRequest request, AnswerInput input, string by, string familyEmail,
        CancellationToken ct)
    {
        if (request.Status == ContactRequestStatus.Withdrawn) return [Problem.Of("am-contact-withdrawn", "")];
        if (request.Status != ContactRequestStatus.Pending) return [Problem.Of("am-contact-answered", "", request.Status.Label())];
        if (request.Version != input.Version) return [Problem.Of("concurrency", "")];
        var read = new InputReader();
        var message = read.Text(input.Message, nameof(input.Message), ContactRequest.MaxMessageLength);
        var accept = input.Choice switch { "accept" => true, "decline" => false, _ => (bool?)null };
        if (accept is null) read.Add("am-answer-choice", nameof(input.Choice));
        if (accept == true && !input.SharePhone && !input.ShareEmail && !input.ShareAddress && message is null)
            read.Add("am-contact-share-nothing", nameof(input.SharePhone));
        if (accept == true && input.SharePhone && string.IsNullOrWhiteSpace(facility.Phone))
            read.Add("am-contact-no-phone", nameof(input.SharePhone));
        if (read.Problems.Count > 0) return read.Problems;

        var now = clock.GetUtcNow();
        if (accept == true)
        {
            var address = $"{facility.Street}, {facility.PostalCode}".Trim(' ', ',');
            request.Accept(input.SharePhone ? facility.Phone : null, input.ShareEmail ? facility.Email ?? by : null,
                input.ShareAddress ? address : null, message, by, now);
        }
        else
        {
            request.Decline(message, by, now);
        }
        await notifier.QueueAsync(new Recipient(familyEmail, request.FamilyUserId),
            ChildminderEmails.ContactAnswered(accept == true, $"{FamilyPath}/{request.Id}", request.CommuneCode),
            $"{ChildminderEmails.ContactAnswerKind}:{request.Id}", ct);
        audit.Record(accept == true ? ChildminderAudit.ContactAccepted : ChildminderAudit.ContactDeclined, ChildminderAudit.ContactRequestEntity,
            request.Id.ToString(), accept == true ? $"partagé : {string.Join(", ", Shared(input))}" : null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
        return [];
    }

    /// <summary>
    /// The family withdraws its request (the page checks it is theirs) while it waits for an answer; the childminder's
    /// accounts are told, so that nobody answers a family that no longer expects it.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> WithdrawAsync(ContactRequest request, CancellationToken ct)
    {
        if (!request.Withdraw(clock.GetUtcNow())) return [Problem.Of("am-contact-not-pending", "", request.Status.Label())];
        foreach (var (userId, email) in await queries.AccountsOfAsync(request.FacilityId, ct))
            await notifier.QueueAsync(new Recipient(email, userId), ChildminderEmails.ContactWithdrawn($"{ChildminderPath}/{request.Id}", request.CommuneCode),
                $"{ChildminderEmails.ContactWithdrawnKind}:{request.Id}:{userId}", ct);
        audit.Record(ChildminderAudit.ContactWithdrawn, ChildminderAudit.ContactRequestEntity, request.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Problem.Of("concurrency", "")];
        }
        return [];
    }

    private static IEnumerable<string> Shared(AnswerInput input)
    {
        if (input.SharePhone) yield return "téléphone";
        if (input.ShareEmail) yield return "e-mail";
        if (input.ShareAddress) yield return "adresse";
        if (input.Message is not null) yield return "message";
    }
}
