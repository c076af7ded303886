using Berceau.Data;
using Berceau.Domain.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Schema.Public;

public sealed record PublicPeriod(string Period, string Title);

/// <summary>
/// The schéma as the public reads it (/schema/{departement}, or /schema/{departement}/2020-2024 for an earlier period): its
/// axes and its published fiches with their state. Drafts do not exist here, not even in the counts; a schéma without a
/// published fiche is not shown.
/// </summary>
public sealed class IndexModel(BerceauDbContext db, SchemaQueries queries, TimeProvider clock) : PageModel
{
    public Sdsf Schema { get; private set; } = null!;
    public string DepartementName { get; private set; } = "";
    public SchemaReport Report { get; private set; } = null!;
    public IReadOnlyList<PublicPeriod> OtherPeriods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string departement, string? period, CancellationToken ct)
    {
        var schemas = await db.Schemas.AsNoTracking().Include(s => s.Axes)
            .Where(s => s.DepartementCode == departement && db.ActionSheets.Any(a => a.SchemaId == s.Id && a.IsPublished))
            .ToListAsync(ct);
        schemas = [.. schemas.OrderByDescending(s => s.StartYear)];
        var schema = period is null ? schemas.FirstOrDefault() : schemas.FirstOrDefault(s => s.Period == period);
        if (schema is null) return NotFound();
        Schema = schema;
        Report = await queries.ReportAsync(schema, null, Infrastructure.ParisTime.DayOf(clock.GetUtcNow()), publishedOnly: true, ct);
        DepartementName = Report.DepartementName;
        OtherPeriods = [.. schemas.Where(s => s.Id != schema.Id).Select(s => new PublicPeriod(s.Period, s.Title))];
        return Page();
    }
}
