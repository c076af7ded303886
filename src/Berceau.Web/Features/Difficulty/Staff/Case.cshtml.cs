using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Difficulty;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Difficulty.Staff;

/// <summary>
/// An accompaniment case (/pro/accompagnements/{id}): the structure, the alerts read at the opening, the log (visits, meetings,
/// funding mobilised), closing with an outcome and reopening. Every GET is audited; every POST goes through <see cref="DifficultyActions"/>.
/// A case of another territory is not found (404).
/// </summary>
public sealed class CaseModel(DifficultyQueries queries, DifficultyActions actions, BerceauDbContext db) : PageModel
{
    public const string MessageKey = "accompagnement-message";

    public AccompanimentCase Case { get; private set; } = null!;
    public string StructureName { get; private set; } = "";
    public string CommuneName { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => queries.Today;

    [BindProperty] public CaseActionInput Action { get; set; } = new();
    [BindProperty] public CaseCloseInput Close { get; set; } = new();
    [BindProperty] public CaseReopenInput Reopen { get; set; } = new();

    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public static IReadOnlyList<SelectListItem> ActionKinds { get; } =
        [.. new[] { AccompanimentActionKind.Visit, AccompanimentActionKind.Meeting, AccompanimentActionKind.FundingMobilised, AccompanimentActionKind.Other }
            .Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public static IReadOnlyList<SelectListItem> Outcomes { get; } = [.. Enum.GetValues<AccompanimentOutcome>().Select(o => new SelectListItem(o.Label(), o.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await queries.CaseAsync(id, tracked: false, ct);
        if (c is null) return NotFound();
        await ShowAsync(c, ct);
        await actions.RecordReadAsync(DifficultyAudit.Read, DifficultyAudit.CaseType, id.ToString(), StructureName, ct);
        return Page();
    }

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Action), c => actions.RecordAsync(c, Action, ct), "L’action est enregistrée.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Close), c => actions.CloseAsync(c, Close, ct), "L’accompagnement est clos.", ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Reopen), c => actions.ReopenAsync(c, Reopen, ct), "L’accompagnement est rouvert.", ct);

    public string Who(string by) => Names.TryGetValue(by, out var name) ? name : "Compte supprimé";

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<AccompanimentCase, Task<Outcome<bool>>> act, string done, CancellationToken ct)
    {
        var c = await queries.CaseAsync(id, tracked: true, ct);
        if (c is null) return NotFound();
        ModelState.Clear();
        var outcome = await act(c);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(DifficultyFeature.CasePath(id));
        }
        ModelState.AddProblems(outcome.Problems, prefix);
        // Show the case as stored, not as the failed attempt left it in memory.
        db.ChangeTracker.Clear();
        var fresh = await queries.CaseAsync(id, tracked: false, ct);
        if (fresh is null) return NotFound();
        await ShowAsync(fresh, ct);
        return Page();
    }

    private async Task ShowAsync(AccompanimentCase c, CancellationToken ct)
    {
        Case = c;
        var facility = await db.Facilities.AsNoTracking().Where(f => f.Id == c.FacilityId).Select(f => new { f.Name, f.CommuneCode }).FirstAsync(ct);
        StructureName = facility.Name;
        CommuneName = await db.Communes.AsNoTracking().Where(x => x.Code == c.CommuneCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? c.CommuneCode;
        Names = await queries.NamesAsync(c.Actions.Select(a => a.By).Append(c.OpenedBy), ct);
        Action.Version = Close.Version = Reopen.Version = c.Version;
        var today = InputReader.Format(Today);
        if (string.IsNullOrEmpty(Action.On)) Action.On = today;
        if (string.IsNullOrEmpty(Close.On)) Close.On = today;
    }
}
