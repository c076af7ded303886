using System.Security.Claims;
using Berceau.Data;
using Berceau.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Family;

public sealed record ApplicationSummary(Guid Id, string Reference, string? ChildFirstName, string? ChildLastName, string CommuneName,
    ApplicationStatus Status, DateOnly? ConfirmationDueOn, bool Erased = false);

/// <summary>One line of « Qui a consulté mon dossier »: when, in which role, what; never who by name or account.</summary>
public sealed record AccessSummary(DateTimeOffset At, string Role, ApplicationAccessKind Kind);

/// <summary>
/// What only the family pages read: the signed-in family's own applications. Every application is looked up by id AND
/// owner: someone else's id finds nothing, and the page answers 404 (not 403, which would tell that the id exists).
/// What the form and the file need, shared with the guichet, is in <see cref="ApplicationFormQueries"/> and
/// <see cref="ApplicationFileQueries"/>.
/// </summary>
public sealed class FamilyApplicationQueries(BerceauDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public string UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("Family pages are only reached signed in (policy famille).");

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public async Task<IReadOnlyList<ApplicationSummary>> MineAsync(CancellationToken ct)
    {
        var userId = UserId;
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.FamilyUserId == userId)
            .Join(db.Communes, a => a.CommuneCode, c => c.Code, (a, c) => new { a, c.Name })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.a.CreatedAt)
            .Select(r => new ApplicationSummary(r.a.Id.Value, r.a.Reference, r.a.ChildFirstName, r.a.ChildLastName, r.Name, r.a.Status, r.a.ConfirmationDueOn, r.a.ErasedAt != null))];
    }

    public async Task<Application?> FindMineAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var userId = UserId;
        var key = new ApplicationId(id);
        var query = db.Applications.Include(a => a.Wishes).Include(a => a.StatusChanges).Include(a => a.Events).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == key && a.FamilyUserId == userId, ct);
    }

    /// <summary>Staff reads of the file, newest first (the access log).</summary>
    public async Task<IReadOnlyList<AccessSummary>> AccessesAsync(Guid applicationId, CancellationToken ct)
    {
        var key = new ApplicationId(applicationId);
        var rows = await db.ApplicationAccesses.AsNoTracking().Where(a => a.ApplicationId == key)
            .Select(a => new AccessSummary(a.At, a.Role, a.Kind)).ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.At)];
    }
}
