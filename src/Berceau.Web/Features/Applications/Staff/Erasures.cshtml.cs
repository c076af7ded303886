using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>The guichet's queue of erasure requests (RGPD): pending ones oldest first, then the last answered.</summary>
public sealed class ErasuresModel(CaseworkAccess access, Erasures erasures) : PageModel
{
    public const string Path = "/pro/effacements";

    public IReadOnlyList<ErasureRow> Pending { get; private set; } = [];
    public IReadOnlyList<ErasureRow> Handled { get; private set; } = [];

    [TempData(Key = DetailsModel.MessageKey)]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        (Pending, Handled) = await erasures.QueueAsync(await access.CommunesAsync(ct), ct);
}
