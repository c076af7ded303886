using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Web.Features.Notifications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications;

/// <summary>One line of the guichet's erasure queue.</summary>
public sealed record ErasureRow(Guid Id, Guid ApplicationId, string Reference, string CommuneName, ApplicationStatus Status,
    DateTimeOffset RequestedAt, ErasureState State, DateTimeOffset? HandledAt);

/// <summary>
/// The right to erasure (RGPD art. 17), end to end: the family asks from its application page, the guichet of the commune
/// erases or refuses with a reason, the family is told through the outbox. Both sides find the application through their
/// own access rule first (ownership, territory) and pass it here. Each step is audited in the same SaveChanges.
/// </summary>
public sealed class Erasures(BerceauDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const int HandledShown = 20;

    /// <summary>The latest request of an application (pending, or the last answer), for both sides' pages.</summary>
    public Task<ErasureRequest?> LatestAsync(ApplicationId id, CancellationToken ct) =>
        db.ErasureRequests.AsNoTracking().Where(r => r.ApplicationId == id).OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);

    public async Task<Outcome<ErasureRequest>> RequestAsync(Application application, string? reason, string familyUserId, CancellationToken ct)
    {
        var pending = await db.ErasureRequests.AnyAsync(r => r.ApplicationId == application.Id && r.State == ErasureState.Pending, ct);
        var made = ErasureRequest.Make(application, pending, reason, clock.GetUtcNow(), familyUserId);
        if (!made.IsSuccess) return made;
        db.ErasureRequests.Add(made.Value);
        audit.Record(ApplicationAudit.ErasureRequested, ApplicationAudit.EntityType, application.Id.ToString(), made.Value.Reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the open request: a second click saved first.
            db.ChangeTracker.Clear();
            return Problem.Of("erasure-already-requested", "");
        }
        return made;
    }

    /// <summary>The requests of the given communes: the pending ones oldest first, then the last answered ones.</summary>
    public async Task<(IReadOnlyList<ErasureRow> Pending, IReadOnlyList<ErasureRow> Handled)> QueueAsync(IReadOnlyList<string> communes, CancellationToken ct)
    {
        var rows = db.ErasureRequests.AsNoTracking().Where(r => communes.Contains(r.CommuneCode))
            .Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { r, a.Reference, a.Status })
            .Join(db.Communes, x => x.r.CommuneCode, c => c.Code, (x, c) => new { x.r, x.Reference, x.Status, c.Name });
        var pending = await rows.Where(x => x.r.State == ErasureState.Pending).ToListAsync(ct);
        var handled = await rows.Where(x => x.r.State != ErasureState.Pending).ToListAsync(ct);
        ErasureRow Row(ErasureRequest r, string reference, ApplicationStatus status, string commune) =>
            new(r.Id, r.ApplicationId.Value, reference, commune, status, r.RequestedAt, r.State, r.HandledAt);
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return ([.. pending.OrderBy(x => x.r.RequestedAt).Select(x => Row(x.r, x.Reference, x.Status, x.Name))],
            [.. handled.OrderByDescending(x => x.r.HandledAt).Take(HandledShown).Select(x => Row(x.r, x.Reference, x.Status, x.Name))]);
    }

    public Task<int> PendingCountAsync(IReadOnlyList<string> communes, CancellationToken ct) =>
        db.ErasureRequests.CountAsync(r => communes.Contains(r.CommuneCode) && r.State == ErasureState.Pending, ct);

    /// <summary>The request, tracked, when it is one of these communes'; else null (another territory's id is not found).</summary>
    public Task<ErasureRequest?> FindAsync(Guid id, IReadOnlyList<string> communes, CancellationToken ct) =>
        db.ErasureRequests.FirstOrDefaultAsync(r => r.Id == id && communes.Contains(r.CommuneCode), ct);

    /// <summary>The application of a request, tracked, with everything <see cref="Application.Erase"/> rewrites.</summary>
    public Task<Application> ApplicationOfAsync(ErasureRequest request, CancellationToken ct) =>
        db.Applications.Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery()
            .SingleAsync(a => a.Id == request.ApplicationId, ct);

    /// <summary>
    /// Erases: the application's personal fields through the domain, and in the same transaction its proofs, internal
    /// notes, contacts, attach codes and stored API answers (which repeat the child's name). The access log, the audit and
    /// the request itself stay: they name no family and prove the right was answered.
    /// </summary>
    public async Task<Outcome<bool>> EraseAsync(ErasureRequest request, Application application, string agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var marked = request.MarkErased(now, agentId);
        if (!marked.IsSuccess) return Forget(marked);
        var erased = application.Erase(now, agentId);
        if (!erased.IsSuccess) return Forget(erased);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var id = application.Id;
        var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == id).ExecuteDeleteAsync(ct);
        var notes = await db.ApplicationNotes.Where(n => n.ApplicationId == id).ExecuteDeleteAsync(ct);
        var contacts = await db.ApplicationContacts.Where(c => c.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.AttachCodes.Where(c => c.ApplicationId == id).ExecuteDeleteAsync(ct);
        await db.IdempotentRequests.Where(r => r.ApplicationId == id.Value).ExecuteDeleteAsync(ct);
        // The « solutions » letters kept as sent name the family and its address.
        var caseIds = db.FollowUpCases.Where(c => c.ApplicationId == id).Select(c => c.Id);
        await db.SentLetters.Where(l => caseIds.Contains(l.CaseId)).ExecuteDeleteAsync(ct);
        audit.Record(ApplicationAudit.Erased, ApplicationAudit.EntityType, id.ToString(),
            $"{documents} pièce(s) justificative(s), {notes} note(s) interne(s), {contacts} contact(s) supprimés ; demande d’effacement {request.Id}");
        await NotifyAsync(application, request, "Les données de votre demande d’accueil sont effacées",
            $"Comme vous l’avez demandé, le guichet a effacé les données personnelles de votre demande d’accueil {application.Reference} : "
            + "l’adresse, l’enfant, les noms des parents, les ressources, le numéro CAF et les pièces justificatives."
            + "\nNous gardons seulement, sans aucun nom, ce qui sert aux statistiques du service public et le journal des décisions et des consultations.", ct);
        return await CommitAsync(transaction, ct);
    }

    public async Task<Outcome<bool>> RefuseAsync(ErasureRequest request, Application application, string? response, string agentId, CancellationToken ct)
    {
        var refused = request.Refuse(response, clock.GetUtcNow(), agentId);
        if (!refused.IsSuccess) return Forget(refused);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        audit.Record(ApplicationAudit.ErasureRefused, ApplicationAudit.EntityType, application.Id.ToString(), request.Response);
        await NotifyAsync(application, request, "Votre demande d’effacement est refusée",
            $"Le guichet ne peut pas effacer maintenant les données de votre demande d’accueil {application.Reference}."
            + $"\nMotif : {request.Response}"
            + "\nVous pouvez écrire au délégué à la protection des données, ou adresser une réclamation à la CNIL (www.cnil.fr).", ct);
        return await CommitAsync(transaction, ct);
    }

    /// <summary>The family is told by e-mail and in its account, once per request whatever the retries.</summary>
    private async Task NotifyAsync(Application application, ErasureRequest request, string subject, string body, CancellationToken ct)
    {
        var userId = application.FamilyUserId ?? request.RequestedBy;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(email)) return;
        await notifier.QueueAsync(new Recipient(email, userId),
            new OutgoingNotification("erasure", subject, body, $"/famille/demandes/{application.Id.Value}", CommuneCode: request.CommuneCode),
            $"effacement:{request.Id:N}", ct);
    }

    /// <summary>A refused step leaves nothing changed in memory either: the page reads the request again as stored.</summary>
    private Outcome<bool> Forget(Outcome<bool> failed)
    {
        db.ChangeTracker.Clear();
        return failed;
    }

    /// <summary>Two agents answering at once: the request's state is the concurrency token, the second is told and nothing is written.</summary>
    private async Task<Outcome<bool>> CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Problem.Of("erasure-already-handled", "");
        }
    }
}
