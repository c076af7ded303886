using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Territories.Staff;

/// <summary>Renames or redraws a sector of a commune the user covers.</summary>
public sealed class EditModel(SectorAccess access, SectorQueries queries, SaveSector save, IConfiguration configuration)
    : PageModel, ISectorFormPage
{
    [BindProperty]
    public SectorInput Input { get; set; } = new();

    public string SectorName { get; private set; } = "";

    public CommuneChoice SectorCommune { get; private set; } = null!;

    public string CancelHref => SectorForm.ListHref(SectorCommune.Code);

    public SectorMapSettings Map { get; } = SectorMapSettings.From(configuration);

    public string? OtherSectorsGeoJson { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (denied, sector, _) = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Input = SectorForm.From(sector!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var (denied, sector, commune) = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var outcome = await save.UpdateAsync(commune!, sector!, Input, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        TempData[SectorForm.MessageKey] = outcome.Value is { Changed: false, FacilitiesAttached: 0 }
            ? "Aucune modification : rien n’a été changé."
            : SectorForm.Confirmation("modifié", outcome.Value);
        return Redirect(SectorForm.ListHref(commune!.Code));
    }

    /// <summary>Loads the sector and checks that the user covers its commune; returns the refusal, or null when allowed.</summary>
    private async Task<(IActionResult? Denied, Sector? Sector, Commune? Commune)> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var sector = await queries.FindAsync(id, tracked, ct);
        if (sector is null) return (NotFound(), null, null);
        if (!await access.CoversCommuneAsync(sector.CommuneCode, ct)) return (Forbid(), null, null);
        var commune = await queries.CommuneAsync(sector.CommuneCode, ct);
        if (commune is null) return (NotFound(), null, null);
        SectorName = sector.Name;
        SectorCommune = new CommuneChoice(commune.Code, commune.Name);
        OtherSectorsGeoJson = await queries.OtherSectorsGeoJsonAsync(commune.Code, sector.Id, ct);
        return (null, sector, commune);
    }
}
