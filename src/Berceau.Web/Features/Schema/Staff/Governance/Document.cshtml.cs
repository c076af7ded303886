using Berceau.Web.Features.Schema.Governance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff.Governance;

/// <summary>A document of a meeting (/pro/schema/reunions/{id}/documents/{document}), for those who read the instance; a download, never shown inline.</summary>
public sealed class DocumentModel(GovernanceAccess access, GovernanceQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid document, CancellationToken ct)
    {
        if (await access.MeetingAsync(id, tracked: false, ct) is null) return NotFound();
        var file = await queries.DocumentAsync(id, document, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
