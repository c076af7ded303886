using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>A new meeting, saved as a draft in a commune of the organiser's territory.</summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public sealed class CreateModel(MeetingForms forms, MeetingQueries queries) : MeetingFormPage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        if (CommuneItems.Count == 1) Input = Input with { CommuneCode = CommuneItems[0].Value };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        ModelState.Clear();
        var outcome = await forms.CreateAsync(Input, CommuneCodes, ct);
        if (!outcome.IsSuccess)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Input));
            return Page();
        }
        return Redirect($"{MeetingsFeature.StaffPath}/{outcome.Value.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await forms.OrganiserAsync(ct) is not { } user) return false;
        CommuneItems = [.. (await queries.CommunesAsync(user.Scope, ct)).Select(c => new SelectListItem(c.Name, c.Code))];
        return CommuneItems.Count > 0;
    }
}
