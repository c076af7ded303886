using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Schema.Staff;

/// <summary>
/// The « état d'avancement » of a schéma (/pro/schema/{id}/avancement), or of one axe (?axe=2): how many fiches stand in each
/// state, then each fiche with its pilots, state and latest update. Printable as it is (print CSS) and as a PDF
/// (/avancement/pdf), with the same content. Drafts are in it, marked: the report is the partners' working document.
/// </summary>
public sealed class ReportModel(SchemaAccess access, SchemaQueries queries, SchemaReportPdf pdf) : PageModel
{
    public SchemaReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, [FromQuery(Name = "axe")] int? axis, CancellationToken ct)
    {
        var schema = await access.SchemaAsync(id, tracked: false, ct);
        if (schema is null || (format is not null && format != "pdf")) return NotFound();
        // An axe that does not exist is a wrong link, not the whole schéma.
        if (axis is { } n && schema.Axes.All(a => a.Number != n)) return NotFound();
        Report = await queries.ReportAsync(schema, axis, access.Today, publishedOnly: false, ct);
        if (format == "pdf") return File(pdf.Build(Report), "application/pdf", SchemaReportPdf.FileName(Report));
        return Page();
    }
}
