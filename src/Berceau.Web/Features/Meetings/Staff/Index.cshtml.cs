using Berceau.Domain.Meetings;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>The organiser's list: the meetings of the communes their territory covers, in every status.</summary>
[Authorize(Policy = WebServices.StaffPolicy)]
public sealed class IndexModel(MeetingForms forms, MeetingQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }

    public IReadOnlyList<InfoMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await forms.OrganiserAsync(ct) is not { } user) return Forbid();
        var communes = await queries.CommunesAsync(user.Scope, ct);
        CommuneItems = [.. communes.Select(c => new SelectListItem(c.Name, c.Code))];
        CommuneNames = communes.ToDictionary(c => c.Code, c => c.Name);
        if (!CommuneNames.ContainsKey(Commune ?? "")) Commune = null;
        Meetings = await queries.OfCommunesAsync(Commune is null ? [.. CommuneNames.Keys] : [Commune], ct);
        return Page();
    }
}
