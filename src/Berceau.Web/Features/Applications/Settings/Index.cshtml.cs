using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Web.Features.Territories.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Applications.Settings;

public sealed record CommuneSettingsRow(string Code, string Name, int MaxWishes);

/// <summary>The communes of the admin's territory with the rules of their guichet unique.</summary>
[Authorize(Policy = WebServices.AdminPolicy)]
public sealed class IndexModel(CurrentStaff staff, SectorQueries communes, BerceauDbContext db) : PageModel
{
    public const string Path = "/pro/guichet";

    public IReadOnlyList<CommuneSettingsRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var mine = await communes.CommunesAsync(await staff.ScopeAsync(ct), ct);
        if (mine.Count == 0) return Forbid();
        var codes = mine.Select(c => c.Code).ToList();
        var limits = await db.GuichetSettings.AsNoTracking().Where(s => codes.Contains(s.CommuneCode))
            .ToDictionaryAsync(s => s.CommuneCode, s => s.MaxWishes, ct);
        Rows = [.. mine.Select(c => new CommuneSettingsRow(c.Code, c.Name, limits.GetValueOrDefault(c.Code, WishChoices.DefaultMaxWishes)))];
        return Page();
    }
}
