using Berceau.Data;
using Berceau.Domain.Practices;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Practices.Staff;

public sealed record SubmissionRow(Guid Id, string Title, PracticeFormat Format, PracticeStatus Status, DateTimeOffset SubmittedAt, string Source);

/// <summary>/pro/bonnes-pratiques: propose a fiche in one of the three formats, follow one's submissions, and, for the CDSF secretariat, the submissions waiting for moderation in its départements.</summary>
public sealed class IndexModel(BerceauDbContext db, PracticeAccess access) : PageModel
{
    public IReadOnlyList<SubmissionRow> Mine { get; private set; } = [];
    public IReadOnlyList<SubmissionRow> ToModerate { get; private set; } = [];
    public bool Moderates { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = access.UserId;
        Mine = Ordered(await db.GoodPractices.AsNoTracking().Where(p => p.SubmittedBy == me).Select(Row).ToListAsync(ct));
        var departements = (await access.ModeratedDepartementsAsync(ct)).ToList();
        Moderates = departements.Count > 0;
        ToModerate = Ordered(await db.GoodPractices.AsNoTracking()
            .Where(p => p.Status == PracticeStatus.Submitted && p.DepartementCode != null && departements.Contains(p.DepartementCode))
            .Select(Row).ToListAsync(ct));
    }

    private static readonly System.Linq.Expressions.Expression<Func<GoodPractice, SubmissionRow>> Row =
        p => new SubmissionRow(p.Id, p.Title, p.Format, p.Status, p.SubmittedAt, p.Source);

    // SQLite cannot order by a DateTimeOffset: ordered here, the most recent first.
    private static IReadOnlyList<SubmissionRow> Ordered(List<SubmissionRow> rows) => [.. rows.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id)];
}
