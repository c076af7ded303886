using Berceau.Domain.Territories;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Territories.Staff;

/// <summary>Asks for confirmation, then deletes a sector; its facilities stay, without sector.</summary>
public sealed class DeleteModel(SectorAccess access, SectorQueries queries, DeleteSector delete) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    public Sector Sector { get; private set; } = null!;

    public string CommuneName { get; private set; } = "";

    public int Facilities { get; private set; }

    public string CancelHref => SectorForm.ListHref(Sector.CommuneCode);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        Version = Sector.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var outcome = await delete.DeleteAsync(Sector, Version, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, "");
            Version = Sector.Version;
            return Page();
        }
        TempData[SectorForm.MessageKey] = outcome.Value switch
        {
            0 => $"Le secteur {Sector.Name} a été supprimé.",
            1 => $"Le secteur {Sector.Name} a été supprimé : 1 structure n’a plus de secteur.",
            var n => $"Le secteur {Sector.Name} a été supprimé : {n} structures n’ont plus de secteur.",
        };
        return Redirect(CancelHref);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var sector = await queries.FindAsync(id, tracked, ct);
        if (sector is null) return NotFound();
        if (!await access.CoversCommuneAsync(sector.CommuneCode, ct)) return Forbid();
        Sector = sector;
        CommuneName = (await queries.CommuneAsync(sector.CommuneCode, ct))?.Name ?? sector.CommuneCode;
        Facilities = await queries.FacilityCountAsync(sector.Id, ct);
        return null;
    }
}
