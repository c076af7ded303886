using Berceau.Domain.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Observatory.Import;

/// <summary>/admin/observatoire/import: the observatory's analysts and the admin upload the Cnaf and INSEE files.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Observatory)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportOpenData.MaxBytes + 64 * 1024)]
[RequestSizeLimit(ImportOpenData.MaxBytes + 64 * 1024)]
public sealed class IndexModel(ImportOpenData import) : PageModel
{
    public const string Path = "/admin/observatoire/import";

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<SelectListItem> Kinds { get; } =
    [
        new("Places et taux de couverture de la Cnaf (cnaf_taux_couverture_communes)", nameof(OpenDataFileKind.Cnaf)),
        new("Naissances et enfants de moins de 3 ans de l’INSEE (naissances_communes)", nameof(OpenDataFileKind.Naissances)),
        new("Fichier national de la Cnaf, pour la référence « France » (cnaf_taux_couverture_communes_france)", nameof(OpenDataFileKind.CnafFrance)),
    ];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await import.ImportAsync(Kind, Upload, ct);
        if (outcome.IsSuccess)
        {
            var report = outcome.Value;
            Notice = report.ChangedNothing ? report + " Rien n’a changé : ces données étaient déjà à jour." : report.ToString();
            return Redirect(Path);
        }
        foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        return Page();
    }
}
