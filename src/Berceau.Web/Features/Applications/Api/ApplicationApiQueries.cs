using System.Security.Claims;
using Berceau.Data;
using Berceau.Domain.Access;
using Berceau.Domain.Applications;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Api;

/// <summary>
/// Which applications the caller may read: a family its own, an agent or an admin those of the communes their territory
/// covers as a whole (commune or département grants; a facility grant gives no commune). Anything else finds nothing, and
/// the endpoint answers 404 — never 403, which would tell that the id exists.
/// </summary>
public sealed class ApplicationApiQueries(BerceauDbContext db, CurrentStaff staff)
{
    public static readonly string[] StaffRoles = [Roles.Agent, Roles.Admin];

    private ClaimsPrincipal User => staff.User;

    public bool IsFamily => User.IsInRole(Roles.Family);

    public async Task<ApplicationListPage> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var visible = await VisibleAsync(ct);
        var total = await visible.CountAsync(ct);
        // Newest first; the id breaks ties so that pages never overlap.
        var rows = await visible.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Reference, a.Status, a.CommuneCode, a.ChildFirstName, a.ChildLastName, a.CreatedAt, a.SubmittedAt })
            .ToListAsync(ct);
        return new ApplicationListPage(total, page, pageSize, [.. rows.Select(r => new ApplicationListItem(
            r.Id.Value, r.Reference, r.Status.ToString(), r.Status.Label(), r.CommuneCode, r.ChildFirstName, r.ChildLastName, r.CreatedAt, r.SubmittedAt))]);
    }

    public async Task<Application?> FindAsync(Guid id, CancellationToken ct)
    {
        var key = new ApplicationId(id);
        return await (await VisibleAsync(ct)).Include(a => a.Wishes).Include(a => a.StatusChanges).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == key, ct);
    }

    /// <summary>The applications the caller may read (also the scope of the offers API: an offer is visible with its application).</summary>
    public async Task<IQueryable<Application>> VisibleAsync(CancellationToken ct)
    {
        var applications = db.Applications.AsNoTracking();
        if (IsFamily)
        {
            var userId = staff.UserId;
            return applications.Where(a => a.FamilyUserId == userId);
        }
        if (!StaffRoles.Any(User.IsInRole)) return applications.Where(_ => false);
        var scope = await staff.ScopeAsync(ct);
        var communes = await CommunesAsync(scope, ct);
        return applications.Where(a => communes.Contains(a.CommuneCode));
    }

    /// <summary>The communes whose applications a member of staff may read; empty for a family or anyone else.</summary>
    public async Task<IReadOnlyList<string>> StaffCommunesAsync(CancellationToken ct) =>
        !IsFamily && StaffRoles.Any(User.IsInRole) ? await CommunesAsync(await staff.ScopeAsync(ct), ct) : [];

    /// <summary>The communes a scope covers, read once: a département has at most a few hundred, a list the database takes as a parameter.</summary>
    private async Task<List<string>> CommunesAsync(TerritoryScope scope, CancellationToken ct)
    {
        if (scope.Communes.Count == 0 && scope.Departements.Count == 0) return [];
        List<string> communes = [.. scope.Communes];
        List<string> departements = [.. scope.Departements];
        return await db.Communes.AsNoTracking().Where(c => communes.Contains(c.Code) || departements.Contains(c.DepartementCode))
            .Select(c => c.Code).ToListAsync(ct);
    }
}
