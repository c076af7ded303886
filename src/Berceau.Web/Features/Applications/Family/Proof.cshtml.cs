using Berceau.Data;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ApplicationId = Berceau.Domain.Applications.ApplicationId;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// Downloads one proof of the family's own application. Always as an attachment with the type found at upload and
/// nosniff, so that a file is never rendered by the browser as something else.
/// </summary>
public sealed class ProofModel(FamilyApplicationQueries queries, BerceauDbContext db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        var key = new ApplicationId(id);
        var document = await db.ApplicationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == key, ct);
        if (document is null) return NotFound();
        audit.Record(ApplicationAudit.ProofDownloaded, ApplicationAudit.EntityType, id.ToString(), document.Id.ToString());
        await db.SaveChangesAsync(ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
