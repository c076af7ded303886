using Berceau.Domain.Practices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Practices.Staff;

/// <summary>/pro/bonnes-pratiques/proposer/{format}: the structured form of a format, as the vade-mecum's blank models lay it out.</summary>
public sealed class SubmitModel(PracticeActions actions) : PageModel
{
    [BindProperty] public SubmitInput Input { get; set; } = new();
    public PracticeFormat Format { get; private set; }

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
        PracticeForm.AddProblems(ModelState, Format.Fields(), submitted.Problems);
        return Page();
    }

    private bool Found(string format)
    {
        if (!Enum.TryParse<PracticeFormat>(format, ignoreCase: true, out var f) || !Enum.IsDefined(f) || int.TryParse(format, out _)) return false;
        Format = f;
        return true;
    }
}
