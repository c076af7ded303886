using Berceau.Web.Features.Offer.Staff;
using Berceau.Domain.Common;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>
/// One fiche action (/pro/schema/fiches/{id}): its content, indicators and the history of its « états d'avancement »; its pilots
/// (and the secretariat) add a dated update there, the secretariat publishes or withdraws it.
/// </summary>
public sealed class SheetModel(SchemaAccess access, SchemaQueries queries, SchemaEditing editing) : PageModel
{
    public const string MessageKey = "schema-message";

    public ActionSheet Sheet { get; private set; } = null!;
    public Sdsf Schema { get; private set; } = null!;
    public SchemaAxis? Axis { get; private set; }
    public string? Pilot { get; private set; }
    public IReadOnlyList<string> CoPilots { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Authors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Communes { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit { get; private set; }
    public bool IsSecretariat { get; private set; }

    [BindProperty] public ProgressInput Progress { get; set; } = new();
    [BindProperty] public PublishInput Publication { get; set; } = new();

    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.SheetAsync(id, tracked: false, ct);
        return found is { } f ? await ShowAsync(f.Sheet, f.Schema, ct) : NotFound();
    }

    public Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Progress), secretariatOnly: false, (sheet, _) => editing.RecordProgressAsync(sheet, Progress, ct), "L’état d’avancement est enregistré.", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Publication), secretariatOnly: true, (sheet, _) => editing.PublishAsync(sheet, Publication, publish: true, ct), "La fiche est publiée.", ct);

    public Task<IActionResult> OnPostUnpublishAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, nameof(Publication), secretariatOnly: true, (sheet, _) => editing.PublishAsync(sheet, Publication, publish: false, ct), "La fiche n’est plus publiée.", ct);

    private async Task<IActionResult> ActAsync(Guid id, string prefix, bool secretariatOnly, Func<ActionSheet, Sdsf, Task<Outcome<bool>>> act, string done, CancellationToken ct)
    {
        var found = await access.SheetAsync(id, tracked: true, ct);
        if (found is not { } f) return NotFound();
        var user = await access.UserAsync(ct);
        if (secretariatOnly ? !user.IsSecretariatOf(f.Schema.DepartementCode) : !user.CanEdit(f.Sheet, f.Schema.DepartementCode)) return Forbid();
        ModelState.Clear();
        var outcome = await act(f.Sheet, f.Schema);
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(SchemaFeature.SheetPath(id));
        }
        ModelState.AddProblems(outcome.Problems, prefix);
        // Show the fiche as stored, not as the failed attempt left it in memory.
        var fresh = await access.SheetAsync(id, tracked: false, ct);
        return fresh is { } r ? await ShowAsync(r.Sheet, r.Schema, ct) : NotFound();
    }

    private async Task<IActionResult> ShowAsync(ActionSheet sheet, Sdsf schema, CancellationToken ct)
    {
        var user = await access.UserAsync(ct);
        (Sheet, Schema) = (sheet, schema);
        Axis = schema.Axes.FirstOrDefault(a => a.Id == sheet.AxisId);
        CanEdit = user.CanEdit(sheet, schema.DepartementCode);
        IsSecretariat = user.IsSecretariatOf(schema.DepartementCode);
        var names = (await queries.OrganisationsAsync(schema.DepartementCode, ct)).ToDictionary(o => o.Id, o => o.Name);
        Pilot = sheet.PilotId is { } p ? names.GetValueOrDefault(p) : null;
        CoPilots = [.. sheet.CoPilots.Select(c => names.GetValueOrDefault(c.OrganisationId)).OfType<string>().Order(StringComparer.CurrentCulture)];
        Authors = await queries.AuthorsAsync(sheet.Updates, ct);
        Communes = await queries.CommuneNamesAsync(schema.DepartementCode, ct);
        Progress.Version = Publication.Version = sheet.Version;
        if (string.IsNullOrEmpty(Progress.On)) Progress.On = InputReader.Format(access.Today);
        return Page();
    }
}
