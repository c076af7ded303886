using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>The family re-ranks its wishes after submitting, until the application goes to a commission.</summary>
public sealed class WishesModel(FamilyApplicationQueries queries, ApplicationFormQueries form, ChangeApplication change, NextCommissions commissions) : PageModel
{
    [BindProperty]
    public WishesInput Input { get; set; } = new();

    public ApplicationFormOptions Options { get; private set; } = null!;
    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public NextCommission? NextCommission { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (!application.WishesEditable || application.Status == ApplicationStatus.Draft) return Redirect(DetailsModel.PathOf(id));
        await LoadAsync(application, ct);
        // After the freeze date, the application's page says why the wishes no longer change.
        if (NextCommission is { ChangesClosed: true }) return Redirect(DetailsModel.PathOf(id));
        Input = new WishesInput { Version = application.Version, Wishes = ApplicationForm.PadWishes(ApplicationForm.WishValues(application), Options.MaxWishes) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        // Ranks follow the selects: a skipped select does not leave a hole, so problems are numbered as the form is shown back.
        Input.Wishes = ApplicationForm.PadWishes(Input.Wishes, await form.MaxWishesAsync(application.CommuneCode, ct));
        var outcome = await change.ChangeWishesAsync(application, Input, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = "Vos choix de crèches sont enregistrés.";
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        await LoadAsync(application, ct);
        return Page();
    }

    private async Task LoadAsync(Application application, CancellationToken ct)
    {
        Id = application.Id.Value;
        Reference = application.Reference;
        var commune = await form.CommuneAsync(application.CommuneCode, ct);
        Options = await form.OptionsAsync(commune!, ct);
        NextCommission = await commissions.ForAsync(application.CommuneCode, ct);
    }
}
