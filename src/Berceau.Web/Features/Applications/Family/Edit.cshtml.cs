using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Applications.Family;

/// <summary>A draft of the family, completed and saved again or submitted. Once submitted, only the wishes change (page Voeux).</summary>
public sealed class EditModel(FamilyApplicationQueries queries, ApplicationFormQueries form, SaveApplication save) : PageModel, IApplicationFormPage
{
    [BindProperty]
    public ApplicationInput Input { get; set; } = new();

    public ApplicationFormOptions Options { get; private set; } = null!;

    public Guid Id { get; private set; }

    public string Reference { get; private set; } = "";

    public string? ChangeCommuneHref => null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: false, ct);
        if (application is null) return NotFound();
        if (application.Status != Domain.Applications.ApplicationStatus.Draft) return Redirect(DetailsModel.PathOf(id));
        await LoadAsync(application, ct);
        Input = ApplicationForm.From(application, Options.MaxWishes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, CancellationToken ct)
    {
        var application = await queries.FindMineAsync(id, tracked: true, ct);
        if (application is null) return NotFound();
        ModelState.Clear();
        var submit = action != "brouillon";
        var outcome = await save.UpdateAsync(application, Input, submit, ct);
        if (outcome.IsSuccess)
        {
            TempData[DetailsModel.MessageKey] = submit ? DetailsModel.SubmittedMessage : DetailsModel.DraftMessage;
            return Redirect(DetailsModel.PathOf(id));
        }
        ModelState.AddProblems(outcome.Problems, nameof(Input));
        await LoadAsync(application, ct);
        Input.CommuneCode = application.CommuneCode;
        ApplicationForm.Pad(Input, Options.MaxWishes);
        return Page();
    }

    private async Task LoadAsync(Domain.Applications.Application application, CancellationToken ct)
    {
        Id = application.Id.Value;
        Reference = application.Reference;
        var commune = await form.CommuneAsync(application.CommuneCode, ct);
        Options = await form.OptionsAsync(commune!, ct);
    }
}
