using Berceau.Domain.Grid;
using Berceau.Web.Features.Territories;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Grid.Staff;

/// <summary>
/// The versions of a commune's grid and the form to publish the next one, pre-filled with the version in force. Same access as
/// the commune's sectors (admins, and agents of the commune), checked on GET and POST.
/// </summary>
public sealed class EditModel(SectorAccess access, GridQueries queries, PublishGrid publish) : PageModel
{
    [BindProperty]
    public GridInput Input { get; set; } = new();

    public string CommuneCode { get; private set; } = "";
    public string CommuneName { get; private set; } = "";
    public IReadOnlyList<PointsGrid> Versions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Structures { get; private set; } = [];

    public IEnumerable<SelectListItem> StructureItems => Structures.Select(s => new SelectListItem(s.Name, s.Id.ToString()));

    public static IEnumerable<SelectListItem> ConditionItems =>
        Enum.GetValues<BonusCondition>().Select(c => new SelectListItem(GridText.ConditionName(c), c.ToString()));
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string commune, CancellationToken ct)
    {
        if (await LoadAsync(commune, ct) is { } denied) return denied;
        var versions = new GridVersions(Versions);
        Input = GridInput.From(versions.InForce(queries.Today) ?? (versions.All.Count > 0 ? versions.All[^1] : null), queries.Today.AddDays(1));
        Message = TempData["grid-message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string commune, CancellationToken ct)
    {
        if (await LoadAsync(commune, ct) is { } denied) return denied;
        ModelState.Clear();
        var parsed = Input.Parse(CommuneCode, Structures.Select(s => s.Id).ToHashSet());
        var outcome = parsed.IsSuccess ? await publish.PublishAsync(CommuneCode, parsed.Value, ct) : parsed;
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems.Select(p => p with { Field = GridInput.FieldOf(p.Field) }).ToList(), nameof(Input));
            return Page();
        }
        TempData["grid-message"] = $"Version {outcome.Value.Version} publiée : en vigueur à partir du {outcome.Value.ValidFrom:dd/MM/yyyy}.";
        return Redirect($"/pro/grilles/{CommuneCode}");
    }

    private async Task<IActionResult?> LoadAsync(string commune, CancellationToken ct)
    {
        // Someone else's commune and an unknown code get the same answer, so that codes cannot be probed.
        if (!await access.CoversCommuneAsync(commune, ct)) return Forbid();
        var found = await queries.CommuneAsync(commune.Trim(), ct);
        if (found is null) return Forbid();
        (CommuneCode, CommuneName) = (found.Code, found.Name);
        Versions = (await queries.VersionsAsync(CommuneCode, ct)).All;
        Structures = await queries.StructuresAsync(CommuneCode, ct);
        return null;
    }
}
