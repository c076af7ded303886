using Berceau.Domain.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Applications.Staff;

/// <summary>The guichet's work queues (to check, incomplete, to confirm, lapsing soon, all) with search, oldest first.</summary>
public sealed class IndexModel(CaseworkQueues queues, CaseworkAccess access, Erasures erasures) : PageModel
{
    public const string Path = "/pro/demandes";

    /// <summary>The tabs, in the order of the agent's day, with their query-string value.</summary>
    public static IReadOnlyList<(Queue Queue, string Value, string Label)> Tabs { get; } =
    [
        (Queue.ToCheck, "a-verifier", "À vérifier"), (Queue.Incomplete, "incompletes", "Incomplètes"),
        (Queue.ToConfirm, "a-confirmer", "À confirmer"), (Queue.LapsingSoon, "bientot-caduques", "Bientôt caduques"),
        (Queue.All, "toutes", "Toutes"),
    ];

    public Queue Queue { get; private set; }
    public string? Q { get; private set; }
    public string? Statut { get; private set; }
    public QueuePage List { get; private set; } = null!;
    /// <summary>Erasure requests waiting for an answer in the territory: a legal deadline, so shown above the queues.</summary>
    public int PendingErasures { get; private set; }

    public IReadOnlyList<SelectListItem> Statuses { get; } =
        [.. Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft).Select(s => new SelectListItem(s.Label(), s.ToString()))];

    // "page" is also Razor Pages' own route value: the page number is read from the query string only.
    public async Task OnGetAsync([FromQuery] string? file, [FromQuery] string? q, [FromQuery] string? statut,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Queue = Tabs.FirstOrDefault(t => t.Value == file) is { Value: not null } tab ? tab.Queue : Queue.ToCheck;
        (Q, Statut) = (q?.Trim(), statut);
        ApplicationStatus? status = Enum.TryParse<ApplicationStatus>(statut, out var s) && Enum.IsDefined(s) && s != ApplicationStatus.Draft ? s : null;
        // A search or a status looks through every queue: the agent looks for a family, not for a task.
        if (file is null && (!string.IsNullOrWhiteSpace(Q) || status is not null)) Queue = Queue.All;
        List = await queues.ListAsync(new QueueFilter(Queue, Q, status, pageNumber ?? 1), ct);
        PendingErasures = await erasures.PendingCountAsync(await access.CommunesAsync(ct), ct);
    }

    public string Href(Queue queue, string page = "1")
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["file"] = Tabs.First(t => t.Queue == queue).Value,
            ["q"] = Q,
            ["statut"] = Statut,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));
        return Path + query.Add("page", page).ToUriComponent();
    }

    public string PageHref() => Href(Queue, "{page}").Replace("%7Bpage%7D", "{page}", StringComparison.Ordinal);
}
