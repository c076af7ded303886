using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// Which applications the signed-in agent (or admin) may work on: those of the communes their territory covers as a whole
/// (commune or département grants; a facility grant gives no family). The folder policy says "agent or admin"; every
/// handler then finds the application through here, so another commune's id is simply not found (404, which does not
/// even tell that the id exists).
/// </summary>
public sealed class CaseworkAccess(BerceauDbContext db, CurrentStaff staff, AuditLog audit, TimeProvider clock)
{
    private IReadOnlyList<string>? _communes;

    public string UserId => staff.UserId ?? throw new InvalidOperationException("Staff pages are only reached signed in.");

    /// <summary>The role written in the access log: the family reads "Administration" or "Agent guichet / RPE".</summary>
    public string Role => staff.IsAdmin ? Roles.Admin : Roles.Agent;

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The codes of the communes covered, resolved once per request (a département is a few dozen communes).</summary>
    public async Task<IReadOnlyList<string>> CommunesAsync(CancellationToken ct)
    {
        if (_communes is not null) return _communes;
        var scope = await staff.ScopeAsync(ct);
        var communes = scope.Communes.ToList();
        var departements = scope.Departements.ToList();
        return _communes = await db.Communes.AsNoTracking()
            .Where(c => communes.Contains(c.Code) || departements.Contains(c.DepartementCode))
            .Select(c => c.Code).ToListAsync(ct);
    }

    public async Task<bool> CoversCommuneAsync(string? communeCode, CancellationToken ct) =>
        communeCode is not null && (await CommunesAsync(ct)).Contains(communeCode);

    /// <summary>The applications of the territory. Drafts are the family's own business until submitted.</summary>
    public async Task<IQueryable<Application>> ApplicationsAsync(CancellationToken ct)
    {
        var communes = await CommunesAsync(ct);
        return db.Applications.AsNoTracking().Where(a => communes.Contains(a.CommuneCode) && a.Status != ApplicationStatus.Draft);
    }

    /// <summary>The application with its history, or null when it does not exist, is a draft, or is outside the territory.</summary>
    public async Task<Application?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var communes = await CommunesAsync(ct);
        var key = new ApplicationId(id);
        var query = db.Applications.Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking())
            .FirstOrDefaultAsync(a => a.Id == key && communes.Contains(a.CommuneCode) && a.Status != ApplicationStatus.Draft, ct);
    }

    /// <summary>The kinds of proof given and not rejected: what counts as provided.</summary>
    public async Task<IReadOnlyList<ProofKind>> DocumentKindsAsync(Application application, CancellationToken ct) =>
        await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id && d.Review != ProofReview.Rejected)
            .Select(d => d.Kind).ToListAsync(ct);

    /// <summary>
    /// Writes who read the family's file (RULES §7), saved before the page shows it: the access log the family reads, with
    /// the date and the role, and the audit line with the person.
    /// </summary>
    public async Task RecordReadAsync(Application application, ApplicationAccessKind kind, string? details, CancellationToken ct)
    {
        db.ApplicationAccesses.Add(new ApplicationAccess { ApplicationId = application.Id, At = Now, UserId = UserId, Role = Role, Kind = kind });
        var action = kind switch
        {
            ApplicationAccessKind.FileViewed => ApplicationAudit.Read,
            ApplicationAccessKind.SummaryDownloaded => ApplicationAudit.Exported,
            _ => ApplicationAudit.ProofDownloaded,
        };
        audit.Record(action, ApplicationAudit.EntityType, application.Id.ToString(), details);
        await db.SaveChangesAsync(ct);
    }
}
