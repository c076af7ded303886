using Berceau.Domain.Commission;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Commission.Public;

/// <summary>
/// The anonymised figures of one commission (/commissions/{id}/statistiques), for anyone: no name, no reference, small cells
/// suppressed (<see cref="PublicStatistics"/>). Only validated or published sessions; any other id is « not found ».
/// </summary>
[AllowAnonymous]
public sealed class StatisticsModel(PublicCommissions commissions) : PageModel
{
    public CommissionSession Session { get; private set; } = null!;
    public string CommuneName { get; private set; } = "";
    public PublicStatistics Figures { get; private set; } = null!;
    /// <summary>Seats offered again since the publication; null before it.</summary>
    public PublishedCount? Reoffered { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await commissions.StatisticsAsync(id, ct) is not { } found) return NotFound();
        (Session, CommuneName, Figures) = found;
        Reoffered = await commissions.ReofferedAsync(Session, ct);
        return Page();
    }

    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + "\u00a0%" : "non publié";
}
