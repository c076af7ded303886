using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Territories.Staff;

/// <summary>
/// Draws a new sector in a commune of the user's territory (<c>?commune=93048</c>). A user with several communes first
/// chooses one: the map is the commune's.
/// </summary>
public sealed class NewModel(SectorAccess access, SectorQueries queries, SaveSector save, IConfiguration configuration)
    : PageModel, ISectorFormPage
{
    // Starts empty: the binder fills an existing instance, so a default here would survive an unticked checkbox.
    [BindProperty]
    public SectorInput Input { get; set; } = new();

    /// <summary>The commune of the new sector; null while the user has not chosen it.</summary>
    public CommuneChoice? ChosenCommune { get; private set; }

    public CommuneChoice SectorCommune => ChosenCommune ?? throw new InvalidOperationException("Aucune commune choisie.");

    /// <summary>The commune asked for, as the chooser's select shows it (the query parameter is "commune").</summary>
    public string? Commune => ChosenCommune?.Code;

    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];

    public IEnumerable<SelectListItem> CommuneItems => Communes.Select(c => new SelectListItem($"{c.Name} ({c.Code})", c.Code));

    public string CancelHref => ChosenCommune is null ? "/pro/secteurs" : SectorForm.ListHref(ChosenCommune.Code);

    public SectorMapSettings Map { get; } = SectorMapSettings.From(configuration);

    public string? OtherSectorsGeoJson { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? commune, CancellationToken ct)
    {
        var (denied, _) = await LoadAsync(commune, ct);
        if (denied is not null) return denied;
        Input = SectorForm.Blank();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] string? commune, CancellationToken ct)
    {
        var (denied, found) = await LoadAsync(commune, ct);
        if (denied is not null) return denied;
        if (found is null) return Page();
        // The handler speaks French; the binder's own (English) messages are not shown.
        ModelState.Clear();
        var outcome = await save.CreateAsync(found, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[SectorForm.MessageKey] = SectorForm.Confirmation("créé", outcome.Value);
        return Redirect(SectorForm.ListHref(found.Code));
    }

    /// <summary>
    /// The communes the user may draw and the one asked for. Returns a refusal for a commune outside the territory
    /// (whatever the form says), or no commune when the user has several and has not chosen yet.
    /// </summary>
    private async Task<(IActionResult? Denied, Commune? Commune)> LoadAsync(string? code, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        Communes = await queries.CommunesAsync(scope, ct);
        if (Communes.Count == 0) return (Forbid(), null);
        code = string.IsNullOrWhiteSpace(code) ? (Communes.Count == 1 ? Communes[0].Code : null) : code.Trim();
        if (code is null) return (null, null);
        ChosenCommune = Communes.FirstOrDefault(c => c.Code == code);
        if (ChosenCommune is null) return (Forbid(), null);
        var commune = await queries.CommuneAsync(code, ct);
        if (commune is null) return (NotFound(), null);
        OtherSectorsGeoJson = await queries.OtherSectorsGeoJsonAsync(commune.Code, null, ct);
        return (null, commune);
    }
}
