using Berceau.Domain.Meetings;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>Correcting a meeting (draft or published) of the organiser's territory; version-checked.</summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public sealed class EditModel(MeetingForms forms, MeetingQueries queries) : MeetingFormPage
{
    public InfoMeeting Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Input = MeetingInput.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        ModelState.Clear();
        var problems = await forms.UpdateAsync(Meeting, Input, CommuneCodes, ct);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        return Redirect($"{MeetingsFeature.StaffPath}/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        if (await forms.OrganiserAsync(ct) is not { } user || await forms.FindAsync(id, tracked, ct) is not { } meeting) return false;
        Meeting = meeting;
        CommuneItems = [.. (await queries.CommunesAsync(user.Scope, ct)).Select(c => new SelectListItem(c.Name, c.Code))];
        return true;
    }
}
