using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// The one place where an application's status change leaves the feature: the family is told by e-mail and in its account,
/// through the outbox, in the same unit of work as the change (the caller's SaveChanges commits both, or neither).
/// </summary>
public sealed class ApplicationEvents(BerceauDbContext db, Notifier notifier)
{
    public async Task ChangedAsync(Application application, StatusChange change, CancellationToken ct)
    {
        // Made at the counter and not yet linked to an account: the guichet tells the family itself.
        if (application.FamilyUserId is not { } userId) return;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (Notice(application.Id, application.FamilyUserId, application.ChildFirstName, application.CommuneCode, change, email) is { } notice)
            await notifier.QueueAsync(notice.To, notice.What, notice.IdempotencyKey, ct);
    }

    /// <summary>
    /// <see cref="ChangedAsync"/> for many applications at once (the freeze of a commission): the families' addresses are read in
    /// one query by the caller's <paramref name="emails"/> (family account → e-mail), the notifications inserted at once in the
    /// caller's open transaction (<see cref="Notifier.InsertManyAsync"/>).
    /// </summary>
    public async Task ChangedManyAsync(IReadOnlyList<(Domain.Commission.ExaminedApplication Application, StatusChange Change)> changes,
        IReadOnlyDictionary<string, string?> emails, CancellationToken ct)
    {
        var notices = changes
            .Select(c => c.Application is { FamilyUserId: { } userId } a
                ? Notice(a.Id, userId, a.ChildFirstName, a.CommuneCode, c.Change, emails.GetValueOrDefault(userId)) : null)
            .OfType<(Recipient, OutgoingNotification, string)>().ToList();
        await notifier.InsertManyAsync(notices, ct);
    }

    /// <summary>The e-mail address of each family account of the given applications, in one query.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> FamilyEmailsAsync(IQueryable<Application> applications, CancellationToken ct) =>
        await (from a in applications
               join u in db.Users on a.FamilyUserId equals u.Id
               select new { u.Id, u.Email }).Distinct().ToDictionaryAsync(x => x.Id, x => (string?)x.Email, ct);

    private static (Recipient To, OutgoingNotification What, string IdempotencyKey)? Notice(Domain.Applications.ApplicationId id, string? familyUserId,
        string? childFirstName, string communeCode, StatusChange change, string? email)
    {
        if (familyUserId is not { } userId || string.IsNullOrEmpty(email)) return null;
        // No reference in the text: a new application receives its number only when it is saved, after this call.
        var status = change.To.Label();
        var child = string.IsNullOrWhiteSpace(childFirstName) ? "votre enfant" : childFirstName;
        var body = $"Votre demande d’accueil pour {child} est maintenant : « {status} »."
            + (string.IsNullOrWhiteSpace(change.Reason) ? "" : $"\nMotif : {change.Reason}")
            + "\nVous pouvez suivre votre demande dans votre espace.";
        // One notification per change, however often the save is retried.
        var key = $"statut:{id.Value:N}:{change.To}:{change.At.UtcTicks}";
        return (new Recipient(email, userId),
            new OutgoingNotification("application-status", $"Votre demande d’accueil : {status}", body,
                $"/famille/demandes/{id.Value}", CommuneCode: communeCode), key);
    }
}
