using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Berceau.Domain.Applications;

namespace Berceau.Web.Features.Applications.Settings;

/// <summary>
/// The rules of one commune's guichet unique, for the admins whose territory covers it. Another commune, or an unknown
/// code, answers 404 on GET and POST alike, so that codes cannot be probed.
/// </summary>
[Authorize(Policy = WebServices.AdminPolicy)]
public sealed class EditModel(CurrentStaff staff, ApplicationFormQueries queries, ChangeGuichetSettings change) : PageModel
{
    public static string PathOf(string commune) => $"{IndexModel.Path}/{commune}";

    [BindProperty]
    public GuichetSettingsInput Input { get; set; } = new();

    public string CommuneCode { get; private set; } = "";
    public string CommuneName { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string commune, CancellationToken ct)
    {
        if (!await LoadAsync(commune, ct)) return NotFound();
        var settings = await change.FindAsync(CommuneCode, ct);
        Input = new GuichetSettingsInput
        {
            MaxWishes = settings.MaxWishes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AfterDeclinedOffer = settings.AfterDeclinedOffer.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string commune, CancellationToken ct)
    {
        if (!await LoadAsync(commune, ct)) return NotFound();
        ModelState.Clear();
        var outcome = await change.ChangeAsync(CommuneCode, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        Notice = $"Réglages de {CommuneName} enregistrés : une famille peut classer jusqu’à {outcome.Value.MaxWishes} crèches ; "
            + $"après un refus ou sans réponse : {outcome.Value.AfterDeclinedOffer.Label().ToLowerInvariant()}.";
        return Redirect(PathOf(CommuneCode));
    }

    public static IReadOnlyList<SelectListItem> DeclinedOfferOptions(string? current) =>
        [.. Enum.GetValues<DeclinedOfferRule>().Select(r => new SelectListItem(r.Label(), r.ToString(), r.ToString() == current))];

    private async Task<bool> LoadAsync(string commune, CancellationToken ct)
    {
        var found = await queries.CommuneAsync(commune, ct);
        if (found is null || !(await staff.ScopeAsync(ct)).CoversCommune(found.Code)) return false;
        (CommuneCode, CommuneName) = (found.Code, found.Name);
        return true;
    }
}
