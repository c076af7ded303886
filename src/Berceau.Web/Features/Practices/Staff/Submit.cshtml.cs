using Berceau.Domain.Practices;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Practices.Staff;

/// <summary>/pro/bonnes-pratiques/proposer/{format}: the structured form of a format, as the vade-mecum's blank models lay it out.</summary>
public sealed class SubmitModel(PracticeActions actions) : PageModel
{
    [BindProperty] public SubmitInput Input { get; set; } = new();
    public PracticeFormat Format { get; private set; }

    public static IReadOnlyList<SelectListItem> Themes { get; } = [.. PracticeFormats.Themes.Select(t => new SelectListItem(t.Label(), t.ToString()))];

    public IActionResult OnGet(string format) => Found(format) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string format, CancellationToken ct)
    {
        if (!Found(format)) return NotFound();
        var submitted = await actions.SubmitAsync(Format, Input, ct);
        if (submitted.IsSuccess)
        {
            TempData[PracticeModel.MessageKey] = "Votre fiche est envoyée : le secrétariat du schéma la relira avant de la publier.";
            return Redirect(PracticesFeature.StaffPracticePath(submitted.Value));
        }
        ModelState.Clear();
        foreach (var problem in submitted.Problems)
        {
            var field = Format.Fields().Any(f => f.Key == problem.Field) ? $"Input.Fields[{problem.Field}]" : $"Input.{problem.Field}";
            ModelState.AddModelError(problem.Field.Length == 0 ? "" : field, problem.Message);
        }
        return Page();
    }

    private bool Found(string format)
    {
        if (!Enum.TryParse<PracticeFormat>(format, ignoreCase: true, out var f) || !Enum.IsDefined(f) || int.TryParse(format, out _)) return false;
        Format = f;
        return true;
    }
}
