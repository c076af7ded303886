using Berceau.Domain.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Meetings.Staff;

/// <summary>What the create and edit pages share: the input and the choices of the fields (_MeetingFields.cshtml).</summary>
public abstract class MeetingFormPage : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> CommuneItems { get; protected set; } = [];

    public IReadOnlySet<string> CommuneCodes => CommuneItems.Select(c => c.Value).ToHashSet();

    public static IReadOnlyList<SelectListItem> KindItems { get; } = [.. MeetingLabels.Kinds.Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public static IReadOnlyList<SelectListItem> AudienceItems { get; } = [.. MeetingLabels.Audiences.Select(a => new SelectListItem(a.Label(), a.ToString()))];
}
