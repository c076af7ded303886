using Berceau.Domain.Common;
using Berceau.Domain.Difficulty;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Difficulty.Staff;

/// <summary>
/// A structure seen by its advisors (/pro/structures-en-difficulte/{id}): its alerts with their causes, the figures they come from,
/// the signals recorded (record one, lift one), its accompaniments and the form that opens one. A structure outside the advisor's
/// territory, closed or not followed by the list (an assistant maternel, a service) is not found (404).
/// </summary>
public sealed class StructureModel(DifficultyQueries queries, DifficultyActions actions) : PageModel
{
    public const string MessageKey = "difficulte-message";

    public StructureStatus Structure { get; private set; } = null!;
    public IReadOnlyList<StructureSignal> Signals { get; private set; } = [];
    public IReadOnlyList<AccompanimentCase> Cases { get; private set; } = [];
    public DifficultyThresholds Thresholds => queries.Thresholds;

    [BindProperty] public SignalInput Signal { get; set; } = new();
    [BindProperty] public LiftInput Lift { get; set; } = new();
    [BindProperty] public OpenCaseInput Open { get; set; } = new();
    /// <summary>The signal whose lifting form is shown (one form on the page: its fields have one id each).</summary>
    [BindProperty(SupportsGet = true, Name = "lever")] public Guid? LiftId { get; set; }

    public StructureSignal? Lifting { get; private set; }

    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public static IReadOnlyList<SelectListItem> SignalKinds { get; } = [.. Enum.GetValues<SignalKind>().Select(k => new SelectListItem(k.Label(), k.ToString()))];
    public static IReadOnlyList<SelectListItem> Origins { get; } = [.. Enum.GetValues<AccompanimentOrigin>().Select(o => new SelectListItem(o.Label(), o.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var structure = await queries.StructureAsync(id, ct);
        if (structure is null) return NotFound();
        await actions.RecordReadAsync(DifficultyAudit.StructureRead, DifficultyAudit.StructureType, id.ToString(), structure.Name, ct);
        Open.Origin ??= structure.Assessment.InDifficulty ? nameof(AccompanimentOrigin.Alert) : nameof(AccompanimentOrigin.StructureRequest);
        return await ShowAsync(structure, ct);
    }

    public Task<IActionResult> OnPostSignalAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Signal), s => actions.RecordSignalAsync(s, Signal, ct), "Le signalement est enregistré.", ct);

    public Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Lift), s => actions.LiftSignalAsync(s, Lift, ct), "Le signalement est levé.", ct);

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var structure = await queries.StructureAsync(id, ct);
        if (structure is null) return NotFound();
        ModelState.Clear();
        var opened = await actions.OpenAsync(structure, Open, ct);
        if (opened.IsSuccess)
        {
            TempData[CaseModel.MessageKey] = "L’accompagnement est ouvert.";
            return Redirect(DifficultyFeature.CasePath(opened.Value.Value));
        }
        ModelState.AddProblems(opened.Problems, nameof(Open));
        return await ShowAsync((await queries.StructureAsync(id, ct))!, ct);
    }

    public string Who(IReadOnlyDictionary<string, string> names, string by) => names.TryGetValue(by, out var name) ? name : "Compte supprimé";

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    private async Task<IActionResult> ActAsync(Guid id, string prefix, Func<StructureStatus, Task<Outcome<bool>>> act, string done, CancellationToken ct)
    {
        var structure = await queries.StructureAsync(id, ct);
        if (structure is null) return NotFound();
        ModelState.Clear();
        var outcome = await act(structure);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(DifficultyFeature.StructurePath(id));
        }
        ModelState.AddProblems(outcome.Problems, prefix);
        return await ShowAsync((await queries.StructureAsync(id, ct))!, ct);
    }

    private async Task<IActionResult> ShowAsync(StructureStatus structure, CancellationToken ct)
    {
        Structure = structure;
        Signals = await queries.SignalsAsync(structure.FacilityId, ct);
        Cases = await queries.CasesOfAsync(structure.FacilityId, ct);
        var lifting = LiftId ?? (Lift.Signal == Guid.Empty ? null : Lift.Signal);
        Lifting = Signals.FirstOrDefault(x => x.Id == lifting && !x.IsLifted && x.Kind != SignalKind.Occupancy);
        Names = await queries.NamesAsync(Signals.Select(s => s.RecordedBy).Concat(Signals.Where(s => s.LiftedBy != null).Select(s => s.LiftedBy!)), ct);
        var today = InputReader.Format(queries.Today);
        if (string.IsNullOrEmpty(Signal.On)) Signal.On = today;
        if (string.IsNullOrEmpty(Lift.LiftOn)) Lift.LiftOn = today;
        return Page();
    }
}
