using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>
/// The « rapport annuel » of a schéma (/pro/schema/{id}/rapport-annuel?annee=2025): the fiches per state at the year's end and
/// what moved, the états d'avancement of the year per axe, the indicators with the observatory's values, the meetings and
/// decisions of the instances the reader may open. Printable as it is, as a PDF (/pdf) and its annexes as a workbook (/xlsx),
/// all from the one <see cref="AnnualReport"/>. Readers of the schéma may open it, like the « état d'avancement »; drafts are in
/// it, marked. A wrong year answers 400 with the page, a French message and the years there are.
/// </summary>
public sealed class AnnualReportModel(SchemaAccess access, AnnualReports reports, AnnualReportPdf pdf) : PageModel
{
    public AnnualReport? Report { get; private set; }

    public Sdsf Schema { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, [FromQuery(Name = "annee")] string? year, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: false, ct);
        if (schema is null || (format is not null && format is not ("pdf" or "xlsx"))) return NotFound();
        Schema = schema;
        var today = access.Today;
        Years = AnnualReportYear.Choices(schema, today.Year);
        var asked = AnnualReportYear.Parse(year ?? AnnualReportYear.Default(schema, today.Year)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            schema, today.Year);
        if (!asked.IsSuccess)
        {
            foreach (var p in asked.Problems) ModelState.AddModelError("Annee", p.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var report = Report = await reports.BuildAsync(schema, await access.UserAsync(ct), asked.Value, today, ct);
        return format switch
        {
            "pdf" => File(pdf.Build(report), "application/pdf", report.FileName("pdf")),
            "xlsx" => File(AnnualReportXlsx.Build(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.FileName("xlsx")),
            _ => Page(),
        };
    }
}
