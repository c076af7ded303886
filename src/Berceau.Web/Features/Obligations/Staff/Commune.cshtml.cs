using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Obligations.Staff;

/// <summary>/pro/obligations/{commune}: each obligation of the commune, its situation, the plan's contents, the documents.</summary>
public sealed class CommuneModel(ObligationAccess access, ObligationQueries queries) : PageModel
{
    public CommuneFile Obligations { get; private set; } = null!;
    public bool CanRecord { get; private set; }
    [TempData(Key = ObligationModel.MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string commune, CancellationToken ct)
    {
        if (!await access.CanReadAsync(commune, ct)) return NotFound();
        var found = await queries.ObligationsAsync(commune, ct);
        if (found is null) return NotFound();
        Obligations = found;
        CanRecord = await access.CanRecordAsync(commune, ct);
        return Page();
    }
}
