using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Confirmation;

/// <summary>
/// The reminder and the warning of the confirmation, queued in the job's unit of work. Each is keyed by the application
/// and its due date, so that a second pass (or a second node) sends nothing more.
/// </summary>
internal sealed class FamilyNotices(BerceauDbContext db, Notifier notifier, Application application, DateOnly due)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Queues the reminder; false when it was queued already (or the family has no account to write to).</summary>
    public Task<bool> RemindAsync(CancellationToken ct) => QueueAsync("rappel",
        "Confirmez votre demande d’accueil",
        $"Votre demande d’accueil {application.Reference} pour {Child} est à confirmer depuis le {due.ToString("d MMMM yyyy", French)}. "
        + "Si vous attendez toujours une place, confirmez-la dans votre espace : cela prend une minute. "
        + "Sans confirmation, vous recevrez un avertissement, puis la demande deviendra caduque.", ct);

    public Task<bool> WarnAsync(DateOnly lapsesOn, CancellationToken ct) => QueueAsync("avertissement",
        "Votre demande d’accueil va devenir caduque",
        $"Vous n’avez pas confirmé votre demande d’accueil {application.Reference} pour {Child}. "
        + $"Sans confirmation de votre part d’ici le {lapsesOn.AddDays(-1).ToString("d MMMM yyyy", French)}, elle deviendra caduque "
        + "et ne sera plus étudiée par la commission. Confirmez-la dans votre espace.", ct);

    private string Child => string.IsNullOrWhiteSpace(application.ChildFirstName) ? "votre enfant" : application.ChildFirstName;

    private async Task<bool> QueueAsync(string kind, string subject, string body, CancellationToken ct)
    {
        // Made at the counter and not yet linked to an account: the guichet calls the family (its "to confirm" queue).
        if (application.FamilyUserId is not { } userId) return false;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(email)) return false;
        var key = $"confirmation:{kind}:{application.Id.Value:N}:{due:yyyyMMdd}";
        return await notifier.QueueAsync(new Recipient(email, userId),
            new OutgoingNotification($"application-confirmation-{kind}", subject, body, $"/famille/demandes/{application.Id.Value}",
                CommuneCode: application.CommuneCode), key, ct);
    }
}
