using Berceau.Data;
using Berceau.Domain.Surveys;
using Berceau.Web.Features.Observatory.Dashboard;
using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Surveys.Staff;

/// <summary>
/// /pro/enquetes/{id}/resultats: per question a table and its chart, the taux de satisfaction of the scales, the free texts
/// (encoded, in alphabetical order), and the CSV/XLSX export of everything; nothing under <see cref="SurveyResults.MinimumResponses"/>
/// responses, and never who answered what (the responses do not know it).
/// </summary>
public sealed class ResultsModel(BerceauDbContext db, SurveyAccess access, AuditLog audit) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public SurveyResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        ExportFormat? kind = format?.Trim().ToLowerInvariant() switch { "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, _ => null };
        if (kind is null || !await LoadAsync(id, ct)) return NotFound();
        if (!Result.Shown) return Page();
        var table = SurveyDisplay.Export(Survey, Result);
        audit.Record(SurveyAudit.ResultsExported, SurveyAudit.EntityType, id.ToString(), $"{Result.Responses} réponse(s), {kind.Value.ToString().ToUpperInvariant()}");
        await db.SaveChangesAsync(ct);
        return File(IndicatorExport.Write(table, kind.Value), IndicatorExport.ContentType(kind.Value), IndicatorExport.FileName(table, id.ToString("N")[..8], kind.Value));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await access.SurveyAsync(id, tracked: false, ct) is not { } survey) return false;
        Survey = survey;
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == id, ct);
        var answers = responses < SurveyResults.MinimumResponses ? []
            : await db.SurveyAnswers.AsNoTracking().Join(db.SurveyResponses.Where(r => r.SurveyId == id), a => a.ResponseId, r => r.Id, (a, r) => a).ToListAsync(ct);
        Result = SurveyResults.Compute(survey, responses, answers);
        return true;
    }
}
