using Berceau.Web.Features.Applications.Family;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>
/// An agent files an application at the counter for a family without an account: the family's own form and checks
/// (<see cref="SaveApplication"/>), submitted at once, owned by nobody until the family attaches it with a code.
/// </summary>
public sealed class NewModel(CaseworkAccess access, ApplicationFormQueries queries, SaveApplication save) : PageModel, IApplicationFormPage
{
    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public ApplicationFormOptions Options { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Communes { get; private set; } = [];

    public CommuneChoice CommuneChoice => new(Commune, Communes, "Dans quelle commune la famille habite-t-elle ?", "Seules les communes de votre territoire sont proposées.");

    public string? ChangeCommuneHref => "/pro/demandes/nouvelle";

    public bool OffersDraft => false;

    public string SubmitLabel => "Déposer la demande";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var commune = await access.CoversCommuneAsync(Commune?.Trim(), ct) ? await queries.CommuneAsync(Commune, ct) : null;
        if (commune is null)
        {
            if (Commune is not null) ModelState.AddModelError(nameof(Commune), Domain.Common.Messages.Get("application-commune-outside"));
            return await CommunesAsync(ct);
        }
        Options = await queries.OptionsAsync(commune, ct);
        Input = ApplicationForm.Blank(commune.Code, Options.MaxWishes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        // The commune comes from the form: outside the agent's territory it is refused before anything is read or written.
        if (!await access.CoversCommuneAsync(Input.CommuneCode?.Trim(), ct)) return NotFound();
        var outcome = await save.CreateAsync(Input, submit: true, familyUserId: null, ct);
        if (outcome.IsSuccess)
        {
            if (!outcome.Value.AlreadySaved)
                TempData[DetailsModel.MessageKey] = "La demande est déposée. Remettez à la famille son code de rattachement.";
            return Redirect(FamilyCodeModel.PathOf(outcome.Value.Id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        var commune = await queries.CommuneAsync(Input.CommuneCode, ct);
        Options = await queries.OptionsAsync(commune!, ct);
        ApplicationForm.Pad(Input, Options.MaxWishes);
        return Page();
    }

    private async Task<IActionResult> CommunesAsync(CancellationToken ct)
    {
        var mine = await access.CommunesAsync(ct);
        Communes = [.. (await queries.CommunesAsync(ct)).Where(c => mine.Contains(c.Value))];
        return Page();
    }
}
