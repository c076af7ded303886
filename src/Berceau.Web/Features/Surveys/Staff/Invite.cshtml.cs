using Berceau.Domain.Common;
using Berceau.Domain.Surveys;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Surveys.Staff;

/// <summary>
/// /pro/enquetes/{id}/invitations: invite to an open survey the families of a published commission (also reached from the
/// commission's page with ?commission=), the members of partner organisations, or a pasted list of addresses. Each address gets its
/// own link, once.
/// </summary>
public sealed class InviteModel(SurveyAccess access, SurveyInvitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Commission { get; set; }
    [BindProperty] public List<Guid> Organisations { get; set; } = [];
    [BindProperty] public string? Emails { get; set; }
    [TempData(Key = "enquete-invitations-message")] public string? Message { get; set; }

    public Survey Survey { get; private set; } = null!;
    public (int Invited, int Answered) Counts { get; private set; }
    public IReadOnlyList<SelectListItem> CommissionItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommissionAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, survey => invitations.InviteCommissionAsync(survey, Commission, ct), ct);

    public Task<IActionResult> OnPostPartnersAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, survey => invitations.InvitePartnersAsync(survey, Organisations, ct), ct);

    public Task<IActionResult> OnPostEmailsAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, survey => invitations.InvitePastedAsync(survey, Emails, ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Survey, Task<Outcome<InvitationCount>>> invite, CancellationToken ct)
    {
        if (await access.SurveyAsync(id, tracked: false, ct) is not { } survey) return NotFound();
        var sent = await invite(survey);
        if (sent.IsSuccess)
        {
            Message = $"{sent.Value.Sent} invitation(s) envoyée(s)" + (sent.Value.AlreadyInvited > 0 ? $" ; {sent.Value.AlreadyInvited} adresse(s) déjà invitée(s) n’ont rien reçu de plus." : ".");
            return Redirect(SurveysFeature.InvitePath(id));
        }
        ModelState.Clear();
        foreach (var p in sent.Problems) ModelState.AddModelError(p.Field, p.Message);
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.SurveyAsync(id, tracked: false, ct) is not { } survey) return false;
        Survey = survey;
        Counts = await invitations.CountsAsync(id, ct);
        CommissionItems = [.. (await invitations.CommissionsAsync(survey, ct))
            .Select(c => new SelectListItem($"{c.Title} – {OfferDisplay.Date(c.MeetingDate)} ({c.CommuneCode})", c.Id.ToString()))];
        OrganisationItems = [.. (await invitations.OrganisationsAsync(survey, ct)).Select(o => new SelectListItem(o.Name, o.Id.Value.ToString()))];
        return true;
    }
}
