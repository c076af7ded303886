using Berceau.Data;
using Berceau.Domain.Commission;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Commission;

/// <summary>
/// The review screen of a session (/pro/commissions/{id}): its state, and once frozen, the proposal of a run per structure and
/// section with each child's score breakdown, the applications without a seat with the engine's explanation, the commission's
/// decisions (force, exclude) with their reasons, the runs with their replay, and the president's validation. Members of the
/// session and admins of its territory only (<see cref="CommissionAccess.CanReviewAsync"/>), on every handler.
/// </summary>
public sealed class DetailsModel(BerceauDbContext db, CommissionAccess access, CommissionQueries queries, CommissionActions actions, AuditLog audit, StepTimes times,
    RecentRunViews recentRuns) : PageModel
{
    public const string MessageKey = "commission-message";

    [BindProperty]
    public OverrideInput Override { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "calcul")]
    public int? RunNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "structure")]
    public Guid? Structure { get; set; }

    [BindProperty(SupportsGet = true, Name = "section")]
    public Guid? Section { get; set; }

    /// <summary>The status filter; named as its query parameter (« statut ») so that the filter form's select sends that name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }

    /// <summary>The page of structures (« p », not « page »: Razor Pages reserves that name).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "p-sans-place")]
    public int UnassignedPageNumber { get; set; } = 1;

    public CommissionSession Session { get; private set; } = null!;
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];
    public RunView? Run { get; private set; }
    public CommissionReview? Review { get; private set; }
    public IReadOnlyList<EntryView> Entries { get; private set; } = [];
    /// <summary>The children's names of the applications of the page, when <see cref="Entries"/> come without them (a large session).</summary>
    private IReadOnlyDictionary<string, string>? PageNames { get; set; }
    public IReadOnlyList<CommissionOverride> Overrides { get; private set; } = [];
    public bool IsPresident { get; private set; }
    public string? Message { get; private set; }

    public IReadOnlyList<SelectListItem> StructureOptions => [.. Facilities.OrderBy(f => f.Name, CommissionDisplay.FrenchOrder)
        .Select(f => new SelectListItem(f.Name, f.Id.Value.ToString(), f.Id.Value == Structure))];

    /// <summary>The sections of the structures of this page: all of them in a commune's usual session.</summary>
    public IReadOnlyList<SelectListItem> SectionOptions => [.. PageStructures
        .SelectMany(f => f.Sections.OrderBy(s => s.MinAgeMonths).Select(s => new SelectListItem($"{f.Name} – {s.Name}", s.Id.ToString(), s.Id == Section)))];

    /// <summary>Above this many applications, the decision form offers those listed on the page (a list of 30,000 is unusable).</summary>
    public const int AllApplicationsUpTo = 300;

    public bool ApplicationsOfPageOnly => Entries.Count > AllApplicationsUpTo;

    /// <summary>The structures of this page; before the first run of a large session, the first page of them.</summary>
    private IReadOnlyList<Facility> PageStructures => Facilities.Count <= CommissionReview.StructuresPerPage
        ? [.. Facilities.OrderBy(f => f.Name, CommissionDisplay.FrenchOrder)]
        : Review?.PageStructures ?? [.. Facilities.OrderBy(f => f.Name, CommissionDisplay.FrenchOrder).Take(CommissionReview.StructuresPerPage)];

    public static IReadOnlyList<SelectListItem> StatusOptions(string? current) =>
    [
        new("Proposées par le moteur", ReviewFilter.Proposed, current == ReviewFilter.Proposed),
        new("Placées d’office", ReviewFilter.Forced, current == ReviewFilter.Forced),
        new("Placées via une réserve", ReviewFilter.ViaReserve, current == ReviewFilter.ViaReserve),
        new("Sans place", ReviewFilter.Unassigned, current == ReviewFilter.Unassigned),
    ];

    public IReadOnlyList<SelectListItem> ApplicationOptions
    {
        get
        {
            // Before the first run of a large session, no application is listed yet: the decision is taken from the run's page.
            var shown = ApplicationsOfPageOnly ? (Review?.InstanceIds ?? []).ToHashSet(StringComparer.Ordinal) : null;
            return [.. Entries.Where(e => shown is null || shown.Contains(e.InstanceId) || e.InstanceId == Override.Application)
                .Select(e => new SelectListItem($"{e.InstanceId} – {PageNames?.GetValueOrDefault(e.InstanceId) ?? e.Child}", e.InstanceId, e.InstanceId == Override.Application))];
        }
    }

    /// <summary>Exclusion targets are structures; placement targets are « structure:section ».</summary>
    public IReadOnlyList<SelectListItem> TargetOptions => [.. PageStructures.SelectMany(f =>
        new[] { new SelectListItem($"{f.Name} (toute la structure, pour une exclusion)", f.Id.Value.ToString(), Override.Target == f.Id.Value.ToString()) }
            .Concat(f.Sections.OrderBy(s => s.MinAgeMonths).Select(s => new SelectListItem($"{f.Name} – {s.Name} (pour un placement d’office)",
                $"{f.Id.Value}:{s.Id}", Override.Target == $"{f.Id.Value}:{s.Id}"))))];

    public static IReadOnlyList<SelectListItem> KindOptions(string? current) =>
    [
        new("Placer d’office dans une section", nameof(OverrideKind.Force), current == nameof(OverrideKind.Force)),
        new("Exclure d’une structure", nameof(OverrideKind.Exclude), current == nameof(OverrideKind.Exclude)),
    ];

    public string NameOf(string userId) => Names.TryGetValue(userId, out var name) ? name : "Compte supprimé";

    public string FacilityName(FacilityId id) => Facilities.FirstOrDefault(f => f.Id == id)?.Name ?? "Structure inconnue";

    public string SectionName(Guid? id) => Facilities.SelectMany(f => f.Sections).FirstOrDefault(s => s.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        times.Start("review page");
        var denied = await LoadAsync(id, tracked: false, ct);
        if (denied is not null) return denied;
        times.Step("session");
        await ShowAsync(ct);
        // The screen shows children's names: who read it is written down (RULES §7).
        if (Entries.Count > 0) await audit.RecordReadAsync(CommissionAudit.EntityType, Session.Id.ToString(), ct);
        times.Step("audit");
        times.Done();
        return Page();
    }

    public Task<IActionResult> OnPostFreezeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var frozen = await actions.FreezeAsync(Session, ct);
            return frozen.IsSuccess ? Done($"Les demandes sont gelées : {frozen.Value} demandes seront examinées. Calcul n° 1 terminé.", 1) : Fail(frozen);
        }, ct);

    public Task<IActionResult> OnPostRunAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var run = await actions.RunAsync(Session, ct);
            return run.IsSuccess ? Done($"Calcul n° {run.Value.Number} terminé.", run.Value.Number) : Fail(run);
        }, ct);

    public Task<IActionResult> OnPostReplayAsync(Guid id, int number, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var report = await actions.ReplayAsync(Session, number, ct);
            if (report is null) return NotFound();
            return Done(report.Identical
                ? $"Calcul n° {number} rejoué : l’instance et le résultat sont identiques, octet pour octet ({report.ReplayedHash})."
                : $"Calcul n° {number} rejoué : le résultat DIFFÈRE de celui enregistré. Signalez-le à l’administration.", number);
        }, ct);

    public Task<IActionResult> OnPostOverrideAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var run = await actions.AddOverrideAsync(Session, Override, ct);
            return run.IsSuccess ? Done($"La décision est enregistrée ; calcul n° {run.Value.Number} terminé.", run.Value.Number) : Fail(run, nameof(Override));
        }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid overrideId, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var run = await actions.WithdrawOverrideAsync(Session, overrideId, ct);
            return run.IsSuccess ? Done($"La décision est retirée ; calcul n° {run.Value.Number} terminé.", run.Value.Number) : Fail(run);
        }, ct);

    public Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var validated = await actions.ValidateAsync(Session, ct);
            return validated.IsSuccess ? Done("La proposition est validée : elle devient la décision de la commission.") : Fail(validated);
        }, ct);

    /// <summary>Every POST: load with tracking, check access, act; a refusal re-shows the page with the messages.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<IActionResult>> act, CancellationToken ct)
    {
        var denied = await LoadAsync(id, tracked: true, ct);
        if (denied is not null) return denied;
        ModelState.Clear();
        var result = await act();
        if (result is PageResult) await ShowAsync(ct);
        return result;
    }

    private IActionResult Done(string message, int? run = null)
    {
        TempData[MessageKey] = message;
        return Redirect($"/pro/commissions/{Session.Id}" + (run is { } n ? $"?calcul={n}" : ""));
    }

    private PageResult Fail<T>(Outcome<T> outcome, string prefix = "")
    {
        ModelState.AddProblems(outcome.Problems, prefix);
        // The session may hold changes the refusal left half-made: nothing of them is saved.
        db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var session = await queries.FindAsync(id, tracked, ct);
        if (session is null) return NotFound();
        if (!await access.CanReviewAsync(session, ct)) return Forbid();
        Session = session;
        IsPresident = session.IsPresident(access.UserId);
        return null;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Message = TempData[MessageKey] as string;
        Facilities = await queries.ScopeFacilitiesAsync(Session, ct);
        Runs = await queries.RunsAsync(Session.Id, ct);
        Overrides = await queries.OverridesAsync(Session.Id, tracked: false, ct);
        Names = await queries.NamesAsync(Session.Members.Select(m => m.UserId).Concat(Runs.Select(r => r.By)).Concat(Overrides.Select(o => o.By))
            .Concat(Session.Seats.Select(s => s.DeclaredBy)), ct);
        times.Step("facilities+runs+overrides+names");
        if (Session.Status == CommissionStatus.Preparation) return;
        // Names only: the scores are read for the applications of the page (a few kilobytes each, tens of thousands in a département).
        // Above AllApplicationsUpTo, not even the names: those of the page are read with its scores.
        var count = await db.CommissionEntries.CountAsync(e => e.SessionId == Session.Id, ct);
        Entries = count > AllApplicationsUpTo ? await CommissionReview.IdsAsync(db, Session.Id, ct) : await CommissionReview.NamesAsync(db, Session.Id, ct);
        var number = RunNumber ?? Runs.FirstOrDefault()?.Number;
        times.Step("entries");
        if (number is not { } n) return;
        // The run just made is usually read already (RecentRunViews); any other is read from the database.
        if (Runs.FirstOrDefault(r => r.Number == n) is { } summary && recentRuns.Find(summary.Id) is { } recent) Run = await recent;
        else if (await queries.RunAsync(Session.Id, n, ct) is { } run) Run = RunView.Read(run);
        else return;
        times.Step("run view");
        var filter = new ReviewFilter(Structure, Section, ReviewFilter.IsKnown(Statut) ? Statut : null,
            PageNumber, UnassignedPageNumber);
        var page = CommissionReview.Build(Facilities, Session.Seats, Entries, Run, filter);
        times.Step("build 1");
        var scores = await CommissionReview.ScoresAsync(db, Session.Id, page.InstanceIds, ct);
        if (ApplicationsOfPageOnly)
            PageNames = await CommissionReview.ChildNamesAsync(db, Session.Id, page.InstanceIds.Append(Override.Application ?? ""), ct);
        times.Step("scores+names");
        Review = CommissionReview.Build(Facilities, Session.Seats, Entries, Run, filter, scores, PageNames);
        times.Step("build 2");
    }

    /// <summary>The address of another page of the review, keeping the run and the filters; {page} is replaced by the number.</summary>
    public string PageHref(string parameter)
    {
        var query = new List<string> { $"calcul={Run?.Run.Number}" };
        if (Structure is { } structure) query.Add($"structure={structure}");
        if (Section is { } section) query.Add($"section={section}");
        if (!string.IsNullOrEmpty(Statut)) query.Add($"statut={Uri.EscapeDataString(Statut)}");
        if (parameter != "p" && Review?.Page > 1) query.Add($"p={Review.Page}");
        if (parameter != "p-sans-place" && Review?.UnassignedPage > 1) query.Add($"p-sans-place={Review.UnassignedPage}");
        query.Add(parameter + "={page}");
        return $"/pro/commissions/{Session.Id}?" + string.Join("&", query);
    }
}
