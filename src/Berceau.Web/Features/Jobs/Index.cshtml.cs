using Berceau.Domain.Staffing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Jobs;

/// <summary>The public job board: offers online today, filtered by profession, commune and contract.</summary>
[AllowAnonymous]
public sealed class IndexModel(JobQueries queries, Meetings.MeetingQueries meetings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Metier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public string? Contrat { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public JobPage Result { get; private set; } = new([], 0, 1, JobQueries.PageSize);
    public IReadOnlyDictionary<string, string> CommuneNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> CommuneItems { get; private set; } = [];
    public DateOnly Today => queries.Today;
    /// <summary>Recruitment and careers events published in the events module (« Recrutement / métiers »), from today on.</summary>
    public IReadOnlyList<Domain.Meetings.InfoMeeting> Events { get; private set; } = [];
    public IReadOnlyDictionary<string, string> EventCommuneNames { get; private set; } = new Dictionary<string, string>();

    public static IReadOnlyList<SelectListItem> ProfessionItems { get; } =
        [.. Professions.All.Select(p => new SelectListItem(p.Label(), p.Code()))];

    public static IReadOnlyList<SelectListItem> ContractItems { get; } =
        [.. ContractTypes.All.Select(c => new SelectListItem(c.Label(), c.Code()))];

    public bool Filtered => Metier is not null || Commune is not null || Contrat is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var communes = await queries.CommunesWithOffersAsync(ct);
        CommuneItems = [.. communes.Select(c => new SelectListItem(c.Name, c.Code))];
        // An unknown value in the address filters nothing rather than failing: the board is public and shared by link.
        Profession? profession = Professions.TryParse(Metier, out var p) ? p : null;
        if (profession is null) Metier = null;
        ContractType? contract = ContractTypes.TryParse(Contrat, out var c) ? c : null;
        if (contract is null) Contrat = null;
        if (!communes.Any(x => x.Code == Commune)) Commune = null;
        Result = await queries.VisibleAsync(new JobFilter(profession, Commune, contract), PageNumber, ct);
        CommuneNames = await queries.CommuneNamesAsync(Result.Items.Select(j => j.CommuneCode), ct);
        Events = await meetings.UpcomingAsync(new Meetings.PublicMeetingFilter(null, Domain.Meetings.MeetingKind.Recruitment, null), ct);
        EventCommuneNames = await meetings.CommuneNamesAsync(Events.Select(e => e.CommuneCode), ct);
    }

    public string PageHrefTemplate() =>
        JobsFeature.PublicPath + "?" + string.Join("&", new[] { ("metier", Metier), ("commune", Commune), ("contrat", Contrat) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}").Append("page={page}"));
}
