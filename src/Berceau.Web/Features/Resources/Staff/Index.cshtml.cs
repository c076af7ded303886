using Berceau.Data;
using Berceau.Domain.Resources;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Resources.Staff;

/// <summary>The entries of the disability directory of the agent's communes (/pro/handicap), published first.</summary>
public sealed class IndexModel(DirectoryEntries entries, BerceauDbContext db) : PageModel
{
    public IReadOnlyList<DisabilityResource> Entries { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await entries.ListAsync(ct);
        var codes = Entries.Select(e => e.CommuneCode).Distinct().ToList();
        CommuneNames = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }
}
