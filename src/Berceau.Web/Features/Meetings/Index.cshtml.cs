using Berceau.Domain.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Meetings;

/// <summary>The public list of upcoming meetings, forums and workshops, filtered by commune, kind and language.</summary>
[AllowAnonymous]
public sealed class IndexModel(MeetingQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }

    public IReadOnlyList<InfoMeeting> Meetings { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LanguageItems { get; private set; } = [];
    public static IReadOnlyList<SelectListItem> KindItems { get; } = [.. MeetingLabels.Kinds.Select(k => new SelectListItem(k.Label(), k.ToString()))];
    public bool Filtered => !string.IsNullOrEmpty(Commune) || !string.IsNullOrEmpty(Kind) || !string.IsNullOrEmpty(Language);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (communes, languages) = await queries.FilterChoicesAsync(ct);
        CommuneItems = [.. communes.Select(c => new SelectListItem(c.Name, c.Code))];
        LanguageItems = [.. languages.Select(l => new SelectListItem(l, l))];
        // An unknown value in the address filters nothing rather than failing: the list is public and often shared by link.
        if (!communes.Any(c => c.Code == Commune)) Commune = null;
        MeetingKind? kind = Enum.TryParse<MeetingKind>(Kind, out var k) && MeetingLabels.Kinds.Contains(k) ? k : null;
        if (kind is null) Kind = null;
        if (!languages.Contains(Language ?? "")) Language = null;
        Meetings = await queries.UpcomingAsync(new PublicMeetingFilter(Commune, kind, Language), ct);
        CommuneNames = await queries.CommuneNamesAsync(Meetings.Select(m => m.CommuneCode), ct);
    }
}
