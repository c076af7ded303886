using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.Applications.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp;

/// <summary>A case with the application it follows.</summary>
public sealed record FollowedCase(FollowUpCase Case, Application Application);

/// <summary>
/// Which cases the signed-in agent (or admin) may work on: those of the communes their territory covers, as for the applications
/// (<see cref="CaseworkAccess"/>); another commune's case is simply not found (404). Reads are written to the family's access log.
/// </summary>
public sealed class FollowUpAccess(BerceauDbContext db, CaseworkAccess casework, AuditLog audit)
{
    public CaseworkAccess Casework => casework;

    public async Task<FollowedCase?> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var communes = await casework.CommunesAsync(ct);
        var key = new FollowUpCaseId(id);
        var cases = tracked ? db.FollowUpCases : db.FollowUpCases.AsNoTracking();
        var found = await cases.Include(c => c.Actions).FirstOrDefaultAsync(c => c.Id == key && communes.Contains(c.CommuneCode), ct);
        if (found is null) return null;
        var application = await casework.FindAsync(found.ApplicationId.Value, tracked: false, ct);
        return application is null ? null : new FollowedCase(found, application);
    }

    /// <summary>The family reads « Consultation du dossier » in its access log; the audit line names the case.</summary>
    public async Task RecordReadAsync(FollowedCase followed, string action, CancellationToken ct)
    {
        db.ApplicationAccesses.Add(new ApplicationAccess
        {
            ApplicationId = followed.Application.Id, At = casework.Now, UserId = casework.UserId, Role = casework.Role, Kind = ApplicationAccessKind.FileViewed,
        });
        audit.Record(action, FollowUpAudit.EntityType, followed.Case.Id.ToString(), followed.Application.Reference);
        await db.SaveChangesAsync(ct);
    }
}
