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
    /// The notice of a status change, with its idempotency key (one notice per change, however often it is written); null when
    /// the family has no account or no address. Also written in bulk, after a commission's freeze (<c>FreezeNotices</c>).
    /// </summary>
    public static (Recipient To, OutgoingNotification What, string IdempotencyKey)? Notice(Domain.Applications.ApplicationId id, string? familyUserId,
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
