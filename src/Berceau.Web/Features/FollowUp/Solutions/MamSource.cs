using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// « MAM » section: every open maison d'assistants maternels of the family's commune, with the places it declared that fit the
/// child (age, days) when it has some; a MAM without a declared place is still worth a call, so it is listed too.
/// </summary>
public sealed class MamSource(BerceauDbContext db, TimeProvider clock) : ISolutionsSource
{
    public const int Order = 20;

    public async Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct)
    {
        var a = need.Application;
        var now = clock.GetUtcNow();
        var age = NeedFacts.AgeMonthsAtStart(need);
        var mams = await db.Facilities.AsNoTracking().Include(f => f.Vacancies)
            .Where(f => f.CommuneCode == a.CommuneCode && f.Mode == CareMode.Mam && (f.ClosedOn == null || f.ClosedOn > need.Today))
            .ToListAsync(ct);
        if (mams.Count == 0) return null;
        var commune = await db.Communes.AsNoTracking().Where(c => c.Code == a.CommuneCode).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? a.CommuneCode;
        var items = mams
            .Where(f => age is not { } m || f.Agrement is null || (f.Agrement.MinAgeMonths <= m && f.Agrement.MaxAgeMonths >= m))
            .Select(f => (Facility: f, Fits: f.Vacancies.Where(v => v.IsFresh(now) && Fits(v, f, age, a.Days)).OrderBy(v => v.From).ToList()))
            .OrderByDescending(x => x.Fits.Count > 0).ThenBy(x => x.Facility.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(x => new SolutionItem(x.Facility.Name,
                $"{x.Facility.PostalCode} {commune} – "
                + (x.Fits.Count > 0 ? string.Join(" ; ", x.Fits.Select(v => ChildminderText.Availability(v, need.Today))) : "pas de place déclarée en ce moment : contactez-la pour la suite"),
                $"/structures/{x.Facility.Id}"))
            .ToList();
        return items.Count == 0 ? null : new SolutionsSection($"Les maisons d’assistants maternels (MAM) de {commune}", Order, items,
            "Dans une MAM, deux à six assistants maternels accueillent les enfants ensemble dans un même lieu ; vous employez l’un d’eux, comme un assistant maternel à domicile.");
    }

    private static bool Fits(Vacancy v, Facility f, int? age, WeekDays days)
    {
        if (age is { } m && (m < v.MinAgeMonths || m > v.MaxAgeMonths)) return false;
        var open = v.Days == WeekDays.None ? f.OpeningDays : v.Days;
        return days == WeekDays.None || (open & days) == days;
    }
}
