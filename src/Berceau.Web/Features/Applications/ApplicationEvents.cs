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
        if (string.IsNullOrEmpty(email)) return;

        // No reference in the text: a new application receives its number only when it is saved, after this call.
        var status = change.To.Label();
        var child = string.IsNullOrWhiteSpace(application.ChildFirstName) ? "votre enfant" : application.ChildFirstName;
        var body = $"Votre demande d’accueil pour {child} est maintenant : « {status} »."
            + (string.IsNullOrWhiteSpace(change.Reason) ? "" : $"\nMotif : {change.Reason}")
            + "\nVous pouvez suivre votre demande dans votre espace.";
        // One notification per change, however often the save is retried.
        var key = $"statut:{application.Id.Value:N}:{change.To}:{change.At.UtcTicks}";
        await notifier.QueueAsync(new Recipient(email, userId),
            new OutgoingNotification("application-status", $"Votre demande d’accueil : {status}", body,
                $"/famille/demandes/{application.Id.Value}", CommuneCode: application.CommuneCode), key, ct);
    }
}
