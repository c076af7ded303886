using Berceau.Data;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare.Staff;

/// <summary>
/// A commune's occasional-care rules (the free-cancellation notice), for the agents and admins whose territory covers it.
/// A director is refused (403); another commune, or an unknown code, is "not found" on GET and POST alike.
/// </summary>
public sealed class SettingsModel(OccasionalAccess access, CancellationNotices notices, BerceauDbContext db) : PageModel
{
    public static string PathOf(string commune) => $"{OccasionalCareFeature.StaffPath}/reglages/{commune}";

    [BindProperty]
    public string? FreeCancellationHours { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public string CommuneName { get; private set; } = "";
    public int DefaultHours => notices.DefaultHours;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string commune, CancellationToken ct)
    {
        if (await CheckAsync(commune, ct) is { } refused) return refused;
        var settings = await notices.SettingsAsync(commune, ct);
        FreeCancellationHours = settings.FreeCancellationHours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Version = settings.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string commune, CancellationToken ct)
    {
        if (await CheckAsync(commune, ct) is { } refused) return refused;
        ModelState.Clear();
        var outcome = await notices.ChangeAsync(commune, FreeCancellationHours, Version, access.UserName, ct);
        if (!outcome.IsSuccess)
        {
            foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field, problem.Message);
            return Page();
        }
        Notice = $"Délai enregistré pour {CommuneName} : les nouvelles réservations s’annulent sans frais jusqu’à "
            + $"{outcome.Value.FreeCancellationHours} heure(s) avant le début du créneau.";
        return Redirect(PathOf(commune));
    }

    private async Task<IActionResult?> CheckAsync(string commune, CancellationToken ct)
    {
        var user = await access.MemberAsync(ct);
        if (!user.ManagesTerritory) return Forbid();
        var name = await db.Communes.AsNoTracking().Where(c => c.Code == commune).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null || !user.Scope.CoversCommune(commune)) return NotFound();
        CommuneName = name;
        return null;
    }
}
