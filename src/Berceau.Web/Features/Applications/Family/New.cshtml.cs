using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>
/// A new application: first the commune (its crèches are the choices), then the whole form, saved as a draft or submitted.
/// Works without JavaScript: the commune is chosen with an ordinary GET form.
/// </summary>
public sealed class NewModel(ApplicationFormQueries queries, SaveApplication save) : PageModel, IApplicationFormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    // Starts empty: the binder fills an existing instance, so defaults here would survive an unticked checkbox.
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public ApplicationFormOptions Options { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public CommuneChoice CommuneChoice => new(Commune, Communes, "Dans quelle commune habitez-vous ?", "Votre demande concerne les crèches de votre commune de résidence.");

    public string? ChangeCommuneHref => "/famille/demandes/nouvelle";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var commune = await queries.CommuneAsync(Commune, ct);
        if (commune is null)
        {
            if (Commune is not null) ModelState.AddModelError(nameof(Commune), Domain.Common.Messages.Get("application-commune-unknown"));
            Communes = await queries.CommunesAsync(ct);
            return Page();
        }
        Options = await queries.OptionsAsync(commune, ct);
        Input = ApplicationForm.Blank(commune.Code, Options.MaxWishes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        ModelState.Clear();
        var submit = action != "brouillon";
        var outcome = await save.CreateAsync(Input, submit, ct);
        if (outcome.IsSuccess)
        {
            if (!outcome.Value.AlreadySaved)
                TempData[DetailsModel.MessageKey] = submit ? DetailsModel.SubmittedMessage : DetailsModel.DraftMessage;
            return Redirect(DetailsModel.PathOf(outcome.Value.Id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        var commune = await queries.CommuneAsync(Input.CommuneCode, ct);
        if (commune is null)
        {
            Communes = await queries.CommunesAsync(ct);
            return Page();
        }
        Options = await queries.OptionsAsync(commune, ct);
        ApplicationForm.Pad(Input, Options.MaxWishes);
        return Page();
    }
}
