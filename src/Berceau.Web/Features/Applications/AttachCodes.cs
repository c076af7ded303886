using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications;

/// <summary>
/// A counter application reaches the family's account through a one-time code: the agent hands it over (printed, and
/// e-mailed when the family gives an address), the signed-in family types it at <see cref="AttachPath"/>.
/// </summary>
public sealed class AttachCodes(BerceauDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const string AttachPath = "/famille/demandes/rattacher";

    /// <summary>A new code for the application; earlier codes stop working (the family lost the paper, or gave a wrong address).</summary>
    public async Task<string> IssueAsync(Application application, string agentId, string? email, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var old in await db.AttachCodes.Where(c => c.ApplicationId == application.Id && c.UsedAt == null && c.RevokedAt == null).ToListAsync(ct))
            old.Revoke(now);
        var (code, stored) = AttachCode.Issue(application.Id, now, agentId);
        db.AttachCodes.Add(stored);
        audit.Record(ApplicationAudit.AttachCodeIssued, ApplicationAudit.EntityType, application.Id.ToString(), email is null ? "remis en main propre" : "remis et envoyé par e-mail");
        if (email is not null)
        {
            // The code travels in the e-mail because that is its purpose; the database keeps only its hash.
            var body = $"Le guichet petite enfance a enregistré votre demande d’accueil {application.Reference}.\n"
                + $"Pour la suivre en ligne, créez votre compte (ou connectez-vous), puis saisissez ce code sur la page « Rattacher une demande » :\n\n{code}\n\n"
                + $"Ce code sert une seule fois et expire le {stored.ExpiresAt:dd/MM/yyyy}.";
            await notifier.QueueAsync(new Recipient(email), new OutgoingNotification("application-attach-code",
                $"Votre demande d’accueil {application.Reference} : code pour la suivre en ligne", body, AttachPath, InApp: false,
                CommuneCode: application.CommuneCode),
                $"rattachement:{stored.Id:N}", ct);
        }
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>Gives the application to the family; a wrong, used, replaced or expired code is refused and changes nothing.</summary>
    public async Task<Outcome<Guid>> AttachAsync(string? typed, string familyUserId, CancellationToken ct)
    {
        var normalised = AttachCode.Normalise(typed);
        if (normalised is null) return Problem.Of("attach-code-invalid", "Code");
        var hash = AttachCode.HashOf(normalised);
        var stored = await db.AttachCodes.FirstOrDefaultAsync(c => c.Hash == hash, ct);
        if (stored is null) return Problem.Of("attach-code-invalid", "Code");
        if (stored.UsedAt is not null) return Problem.Of("attach-code-used", "Code");
        var now = clock.GetUtcNow();
        if (!stored.IsUsable(now)) return Problem.Of("attach-code-expired", "Code");
        var application = await db.Applications.Include(a => a.Events).FirstAsync(a => a.Id == stored.ApplicationId, ct);
        var attached = application.AttachFamily(familyUserId, now);
        if (!attached.IsSuccess) return Outcome<Guid>.Failure(attached.Problems);
        stored.Use(now);
        audit.Record(ApplicationAudit.FamilyAttached, ApplicationAudit.EntityType, application.Id.ToString());
        // Two families typing the same code at once: the application's version lets one of them through.
        var saved = await ApplicationSave.SaveAsync(db, application.Id.Value, ct);
        return saved.IsSuccess ? saved : Problem.Of("attach-code-used", "Code");
    }
}
