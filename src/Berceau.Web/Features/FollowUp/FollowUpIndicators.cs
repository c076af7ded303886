using Berceau.Data;
using Berceau.Domain.FollowUp;
using Berceau.Domain.Access;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp;

/// <summary>A line of the indicator: a commune (or a département, <see cref="IsAggregate"/>) and its figures.</summary>
public sealed record SolutionRateRow(string Code, string Name, bool IsAggregate, SolutionRate Rate);

/// <summary>
/// The « zéro sans solution » indicator by commune and by département (<see cref="SolutionRates"/>): one query for the cases of
/// the communes asked, counted per family (a family followed for two applications counts once), the arithmetic in the domain. The staff page shows it; the observatory reads the same rows.
/// </summary>
public sealed class FollowUpIndicators(BerceauDbContext db)
{
    /// <summary>The communes that have at least one case, then one line per département with all its communes' cases.</summary>
    public async Task<IReadOnlyList<SolutionRateRow>> ForCommunesAsync(IReadOnlyCollection<string> communes, DateOnly today, CancellationToken ct)
    {
        var codes = communes.ToList();
        var cases = await (from c in db.FollowUpCases.AsNoTracking()
                           join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
                           where codes.Contains(c.CommuneCode)
                           select new { c.CommuneCode, c.OpenedAt, c.SolutionOn, a.FamilyUserId, c.ApplicationId }).ToListAsync(ct);
        // A family is its account; a family without one (application made at the guichet) is its application.
        var familyCases = cases.Select(c => new FamilyCase(c.FamilyUserId ?? "demande:" + c.ApplicationId.Value,
            new CaseTimes(c.CommuneCode, ParisTime.DayOf(c.OpenedAt), c.SolutionOn))).ToList();
        var times = familyCases.Select(f => f.Times).ToList();
        var present = times.Select(t => t.CommuneCode).Distinct().ToList();
        var names = await db.Communes.AsNoTracking().Where(c => present.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true);
        var rows = times.GroupBy(t => t.CommuneCode)
            .Select(g => new SolutionRateRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), false,
                SolutionRates.Of(SolutionRates.PerFamily(familyCases.Where(f => f.Times.CommuneCode == g.Key)), today)))
            .OrderBy(r => r.Name, french).ToList();
        var departementCodes = present.Select(TerritoryScope.DepartementOf).Distinct().ToList();
        var departements = await db.Departements.AsNoTracking().Where(d => departementCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        rows.AddRange(times.GroupBy(t => TerritoryScope.DepartementOf(t.CommuneCode)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SolutionRateRow(g.Key, $"{departements.GetValueOrDefault(g.Key, g.Key)} : ensemble des communes de votre territoire", true,
                SolutionRates.Of(SolutionRates.PerFamily(familyCases.Where(f => TerritoryScope.DepartementOf(f.Times.CommuneCode) == g.Key)), today))));
        return rows;
    }
}
