using System.Security.Claims;
using Berceau.Data;
using Berceau.Domain.Audit;

namespace Berceau.Web.Infrastructure;

/// <summary>
/// Appends audit lines to the current unit of work, so that a change and its audit line are saved by the same
/// SaveChanges (both or neither). Reads of personal data are audited with <see cref="RecordReadAsync"/>.
/// </summary>
public sealed class AuditLog(BerceauDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, string entityType, string? entityId, string? details = null)
    {
        var user = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        });
    }

    public async Task RecordReadAsync(string entityType, string? entityId, CancellationToken ct = default)
    {
        Record("lecture", entityType, entityId);
        await db.SaveChangesAsync(ct);
    }
}
