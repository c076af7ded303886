using Berceau.Data;
using Berceau.Domain.Applications;
using Berceau.Domain.FollowUp;
using Berceau.Web.Features.Applications.Staff;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp;

public enum WorklistSort { Oldest, NextDue, Start }

/// <summary>What the agent filters on; null values filter nothing. <see cref="Closed"/> lists the closed cases instead of the open ones.</summary>
public sealed record WorklistFilter(string? Commune, FollowUpOrigin? Origin, bool OverdueOnly, bool Closed, WorklistSort Sort, int Page);

public sealed record WorklistRow(
    Guid Id, Guid ApplicationId, string Reference, string? ChildFirstName, string? ChildLastName, string CommuneName, DateTimeOffset OpenedAt,
    int AgeDays, FollowUpOrigin Origin, DateOnly? ChildBirthDate, DateOnly? ChildExpectedBirthDate, DateOnly? DesiredStart,
    FollowUpStep? NextStep, DateOnly? NextStepDue, bool Overdue, FollowUpOutcome? Outcome);

public sealed record WorklistPage(IReadOnlyList<WorklistRow> Rows, int Total, int Page, int PageCount);

/// <summary>
/// The guichet's worklist of follow-up cases (/pro/suivi): the cases of the communes the agent covers, filtered and sorted in the
/// database (a département has thousands), 50 a page.
/// </summary>
public sealed class FollowUpWorklist(BerceauDbContext db, CaseworkAccess casework)
{
    public const int PageSize = 50;

    public async Task<WorklistPage> ListAsync(WorklistFilter filter, CancellationToken ct)
    {
        var communes = await casework.CommunesAsync(ct);
        var today = casework.Today;
        var status = filter.Closed ? FollowUpStatus.Closed : FollowUpStatus.Open;
        var cases = db.FollowUpCases.AsNoTracking().Where(c => communes.Contains(c.CommuneCode) && c.Status == status);
        if (filter.Commune is { } commune) cases = cases.Where(c => c.CommuneCode == commune);
        if (filter.Origin is { } origin) cases = cases.Where(c => c.Origin == origin);
        if (filter.OverdueOnly) cases = cases.Where(c => c.NextStepDue != null && c.NextStepDue < today);
        var rows = from c in cases
                   join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
                   join m in db.Communes.AsNoTracking() on c.CommuneCode equals m.Code
                   select new { c, a.Reference, a.ChildFirstName, a.ChildLastName, a.ChildBirthDate, a.ChildExpectedBirthDate, a.DesiredStart, Commune = m.Name };
        var total = await rows.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var sorted = filter.Sort switch
        {
            // Cases without a planned action come first: nothing is planned for them, which is the most urgent.
            WorklistSort.NextDue => rows.OrderBy(r => r.c.NextStepDue != null).ThenBy(r => r.c.NextStepDue).ThenBy(r => r.c.OpenedAt),
            WorklistSort.Start => rows.OrderBy(r => r.DesiredStart == null).ThenBy(r => r.DesiredStart).ThenBy(r => r.c.OpenedAt),
            _ => rows.OrderBy(r => r.c.OpenedAt),
        };
        var shown = await sorted.ThenBy(r => r.Reference).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new WorklistPage([.. shown.Select(r => new WorklistRow(r.c.Id.Value, r.c.ApplicationId.Value, r.Reference, r.ChildFirstName, r.ChildLastName,
            r.Commune, r.c.OpenedAt, r.c.AgeInDays(today), r.c.Origin, r.ChildBirthDate, r.ChildExpectedBirthDate, r.DesiredStart, r.c.NextStep,
            r.c.NextStepDue, r.c.IsOverdue(today), r.c.Outcome))], total, page, pageCount);
    }

    /// <summary>The communes the agent may filter on, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> CommunesAsync(CancellationToken ct)
    {
        var codes = await casework.CommunesAsync(ct);
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Name }).ToListAsync(ct);
        return [.. communes.OrderBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).Select(c => (c.Code, c.Name))];
    }

    /// <summary>The child's age in plain words on <paramref name="today"/>: « 8 mois », « 2 ans et 1 mois », « à naître ».</summary>
    public static string ChildAge(DateOnly? born, DateOnly? expected, DateOnly today)
    {
        if (born is not { } b || b > today) return expected is { } e ? $"à naître ({Offer.Staff.OfferDisplay.Date(e)})" : "non indiqué";
        var months = (today.Year - b.Year) * 12 + today.Month - b.Month - (today.Day < b.Day ? 1 : 0);
        return months < 24 ? $"{months} mois" : $"{months / 12} ans" + (months % 12 == 0 ? "" : $" et {months % 12} mois");
    }
}
