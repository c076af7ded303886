using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Childminders;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// « Assistants maternels » section: those who declared, less than two months ago, a place for the child's age on the days asked,
/// free at the latest <see cref="StartGraceMonths"/> month after the wanted start; the family's commune first, then the nearby
/// communes (<see cref="NearbyCommunes"/>). The families' own search (<see cref="ChildminderSearch"/>) finds them, so the letter and
/// the search never disagree.
/// </summary>
public sealed class ChildmindersSource(BerceauDbContext db, ChildminderSearch search) : ISolutionsSource
{
    public const int Order = 10;
    public const int MaxItems = 12;
    /// <summary>A place free a few weeks after the wanted start is still worth a call; three months later it is not.</summary>
    public const int StartGraceMonths = 1;

    public async Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct)
    {
        var a = need.Application;
        var age = NeedFacts.AgeMonthsAtStart(need);
        var latest = NeedFacts.StartOn(need).AddMonths(StartGraceMonths);
        var home = await db.Communes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == a.CommuneCode, ct);
        if (home is null) return null;
        var around = await db.Communes.AsNoTracking().Where(c => c.DepartementCode == home.DepartementCode).ToListAsync(ct);
        var items = new List<SolutionItem>();
        foreach (var communes in new[] { [home.Code], NearbyCommunes.Of(home, around) })
        {
            if (communes.Count == 0 || items.Count >= MaxItems) continue;
            await foreach (var (row, fits) in FittingAsync(communes, age, a.Days, latest, ct))
            {
                items.Add(new SolutionItem(row.Name,
                    $"{ChildminderText.Address(row)} – {string.Join(" ; ", fits.Select(v => ChildminderText.Availability(v, need.Today)))}",
                    $"/assistants-maternels/{row.Id}/contact"));
                if (items.Count >= MaxItems) break;
            }
        }
        if (items.Count == 0) return null;
        var ageText = age is { } m ? $"pour un enfant de {m} mois" : "pour votre enfant";
        return new SolutionsSection("Des assistants maternels qui ont une place", Order, items,
            $"Places déclarées depuis moins de deux mois {ageText}, les jours que vous avez demandés, libres au plus tard le "
            + $"{Offer.Staff.OfferDisplay.Date(latest)} ; d’abord dans votre commune, puis dans les communes voisines. "
            + "Écrivez-leur depuis votre espace famille en suivant le lien : ils vous répondent par le même chemin.");
    }

    /// <summary>The childminders (not MAM: they have their own section) with a fitting place, page after page of the search.</summary>
    private async IAsyncEnumerable<(ChildminderResult Row, IReadOnlyList<Vacancy> Fits)> FittingAsync(IReadOnlyList<string> communes, int? age,
        WeekDays days, DateOnly latest, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(new ChildminderSearchCriteria(communes, age, days, AtypicalHours: false, page), ct);
            foreach (var row in result.Rows)
            {
                // The search puts those with a fitting place first: the first without one ends the list.
                if (row.Availability.Count == 0) yield break;
                var fits = row.Availability.Where(v => v.From <= latest).ToList();
                if (row.Mode == CareMode.AssistantMaternel && fits.Count > 0) yield return (row, fits);
            }
            if (page >= result.PageCount) yield break;
        }
    }
}
