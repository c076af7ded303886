using Berceau.Web.Features.Applications.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.FollowUp.Indicators;

/// <summary>
/// The « zéro sans solution » indicator of the communes the person covers (/pro/suivi/indicateurs): the share of cases with a
/// solution 1, 3 and 6 months after opening and the median time to solution, per commune and for the département. Figures only,
/// no family: the guichet, the observatory and the steering of the schéma read it.
/// </summary>
public sealed class IndexModel(FollowUpIndicators indicators, CaseworkAccess territory) : PageModel
{
    public IReadOnlyList<SolutionRateRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = territory.Today;
        Rows = await indicators.ForCommunesAsync(await territory.CommunesAsync(ct), Today, ct);
    }

    public static string Percent(Domain.FollowUp.HorizonRate h) =>
        h.Percent is { } p ? $"{p.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} %" : "–";

    public static string Days(decimal? median) =>
        median is { } m ? $"{m.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} jours" : "–";
}
