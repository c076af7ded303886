using Berceau.Domain.Common;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp.Staff;

/// <summary>
/// One follow-up case (/pro/suivi/{id}): the family's need, the log, the next action, closing with an outcome and reopening.
/// Every GET is written to the family's access log and the audit; every POST goes through <see cref="FollowUpActions"/>.
/// </summary>
public sealed class CaseModel(FollowUpAccess access, FollowUpActions actions, Berceau.Data.BerceauDbContext db) : PageModel
{
    public const string MessageKey = "suivi-message";

    public FollowedCase Followed { get; private set; } = null!;
    public FollowUpCase Case => Followed.Case;
    public Domain.Applications.Application Application => Followed.Application;
    public string CommuneName { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public DateOnly Today => access.Casework.Today;
    public IReadOnlyList<SentLetter> SentLetters { get; private set; } = [];

    [BindProperty] public ActionInput Action { get; set; } = new();
    [BindProperty] public PlanInput Plan { get; set; } = new();
    [BindProperty] public CloseInput Close { get; set; } = new();
    [BindProperty] public ReopenInput Reopen { get; set; } = new();

    [TempData(Key = MessageKey)]
    public string? Message { get; set; }

    public static IReadOnlyList<SelectListItem> ActionKinds { get; } =
        [.. new[] { FollowUpActionKind.Call, FollowUpActionKind.Appointment, FollowUpActionKind.SolutionFound }.Select(k => new SelectListItem(k.Label(), k.ToString()))];

    public static IReadOnlyList<SelectListItem> Steps { get; } = [.. Enum.GetValues<FollowUpStep>().Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public static IReadOnlyList<SelectListItem> Outcomes { get; } = [.. Enum.GetValues<FollowUpOutcome>().Select(o => new SelectListItem(o.Label(), o.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var followed = await access.FindAsync(id, tracked: false, ct);
        if (followed is null) return NotFound();
        await access.RecordReadAsync(followed, FollowUpAudit.Read, ct);
        return await ShowAsync(followed, ct);
    }

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Action), c => actions.RecordAsync(c.Case, Action, ct), "L’action est enregistrée.", ct);

    public Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Plan), c => actions.PlanAsync(c.Case, Plan, ct), "La prochaine action est enregistrée.", ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Close), c => actions.CloseAsync(c.Case, Close, ct), "Le suivi est clos.", ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Reopen), c => actions.ReopenAsync(c.Case, Reopen, ct), "Le suivi est rouvert.", ct);

    public string Who(string by) => Names.TryGetValue(by, out var name) ? name : by == "système" ? "Traitement automatique" : "Compte supprimé";

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<FollowedCase, Task<Outcome<bool>>> act, string done, CancellationToken ct)
    {
        var followed = await access.FindAsync(id, tracked: true, ct);
        if (followed is null) return NotFound();
        ModelState.Clear();
        var outcome = await act(followed);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(FollowUpFeature.CasePath(id));
        }
        ModelState.AddProblems(outcome.Problems, prefix);
        // Show the case as stored, not as the failed attempt left it in memory.
        var fresh = await access.FindAsync(id, tracked: false, ct);
        return fresh is null ? NotFound() : await ShowAsync(fresh, ct);
    }

    private async Task<IActionResult> ShowAsync(FollowedCase followed, CancellationToken ct)
    {
        Followed = followed;
        CommuneName = await db.Communes.Where(c => c.Code == followed.Case.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? followed.Case.CommuneCode;
        SentLetters = await db.SentLetters.AsNoTracking().Where(l => l.CaseId == followed.Case.Id).OrderByDescending(l => l.SentAt).ToListAsync(ct);
        var ids = followed.Case.Actions.Select(a => a.By).Append(followed.Case.OpenedBy).Concat(SentLetters.Select(l => l.SentBy)).Distinct().ToList();
        var users = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        Names = users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
        var version = followed.Case.Version;
        Action.Version = Plan.Version = Close.Version = Reopen.Version = version;
        var today = InputReader.Format(Today);
        if (string.IsNullOrEmpty(Action.On)) Action.On = today;
        if (string.IsNullOrEmpty(Close.On)) Close.On = today;
        return Page();
    }
}
