using Berceau.Domain.Applications;
using Berceau.Domain.Common;
using Berceau.Domain.Obligations;
using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Obligations.Staff;

/// <summary>
/// /pro/obligations/{commune}/{obligation}: record the situation of one obligation and keep its documents. Those who may record on
/// the commune (its agents, the département's secretariat) only; the documents are downloaded by anyone who reads the commune.
/// </summary>
[RequestSizeLimit(2 * Proofs.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * Proofs.MaxBytes)]
public sealed class ObligationModel(ObligationAccess access, ObligationQueries queries, ObligationActions actions) : PageModel
{
    public const string MessageKey = "obligation-message";

    public CommuneFile Obligations { get; private set; } = null!;
    public CommuneObligationKind Kind { get; private set; }
    public CommuneObligationRecord? Record => Obligations.Record(Kind);
    public IReadOnlyList<DocumentRow> Documents => [.. Obligations.DocumentsOf(Kind)];

    [BindProperty] public AssessInput Input { get; set; } = new();
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [TempData(Key = MessageKey)] public string? Message { get; set; }

    public static IReadOnlyList<SelectListItem> Statuses { get; } =
        [.. new[] { ObligationStatus.NotStarted, ObligationStatus.InProgress, ObligationStatus.Met }.Select(s => new SelectListItem(s.Label(), s.ToString()))];

    public static IReadOnlyList<SelectListItem> PlanItems { get; } = [.. CommuneObligations.PlanItems.Select(i => new SelectListItem(i.Label(), i.ToString()))];

    public async Task<IActionResult> OnGetAsync(string commune, string obligation, CancellationToken ct)
    {
        if (await FindAsync(commune, obligation, ct) is { } missing) return missing;
        if (Record is { } r)
        {
            Input = new AssessInput
            {
                Version = r.Version,
                Status = r.Status == ObligationStatus.NotAssessed ? null : r.Status.ToString(),
                AsOf = InputReader.Format(r.AsOf),
                Since = InputReader.Format(r.Since),
                Contents = [.. CommuneObligations.PlanItems.Where(i => r.Contents.HasFlag(i)).Select(i => i.ToString())],
                Comment = r.Comment,
            };
        }
        Input.AsOf = string.IsNullOrEmpty(Input.AsOf) || Input.Status is null ? InputReader.Format(access.Today) : Input.AsOf;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string commune, string obligation, CancellationToken ct)
    {
        if (await FindAsync(commune, obligation, ct) is { } missing) return missing;
        return await DoneOrShowAsync(await actions.AssessAsync(commune, Kind, Input, ct), nameof(Input), "La situation est enregistrée.", ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(string commune, string obligation, CancellationToken ct)
    {
        if (await FindAsync(commune, obligation, ct) is { } missing) return missing;
        return await DoneOrShowAsync(await actions.AddDocumentAsync(commune, Kind, Title, Upload, ct), "", "Le document est ajouté.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string commune, string obligation, Guid id, CancellationToken ct)
    {
        if (await FindAsync(commune, obligation, ct) is { } missing) return missing;
        if (!await actions.RemoveDocumentAsync(commune, id, ct)) return NotFound();
        Message = "Le document est retiré.";
        return Redirect(ObligationsFeature.ObligationPath(commune, Kind));
    }

    /// <summary>A document, to anyone who reads the commune's obligations; as an attachment, never shown in the page's origin.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string commune, string obligation, Guid id, CancellationToken ct)
    {
        if (ObligationsFeature.KindOf(obligation) is null || !await access.CanReadAsync(commune, ct)) return NotFound();
        var document = await queries.DocumentAsync(commune, id, ct);
        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }

    private async Task<IActionResult> DoneOrShowAsync(Outcome<bool> outcome, string prefix, string done, CancellationToken ct)
    {
        if (outcome.IsSuccess)
        {
            Message = done;
            return Redirect(ObligationsFeature.CommunePath(Obligations.Commune.Code));
        }
        ModelState.Clear();
        if (prefix.Length > 0) ModelState.AddProblems(outcome.Problems, prefix);
        else foreach (var problem in outcome.Problems) ModelState.AddModelError(problem.Field, problem.Message);
        Obligations = (await queries.ObligationsAsync(Obligations.Commune.Code, ct))!;
        return Page();
    }

    private async Task<IActionResult?> FindAsync(string commune, string obligation, CancellationToken ct)
    {
        if (ObligationsFeature.KindOf(obligation) is not { } kind || !await access.CanRecordAsync(commune, ct)) return NotFound();
        var found = await queries.ObligationsAsync(commune, ct);
        if (found is null) return NotFound();
        Obligations = found;
        Kind = kind;
        return null;
    }
}
