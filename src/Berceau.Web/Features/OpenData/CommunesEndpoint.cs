using System.ComponentModel;
using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Portal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OpenData;

internal static class CommunesEndpoint
{
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);

    public static async Task<Results<Ok<List<CommuneItem>>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "departement"), Description("Code du département (93, 2A, 974). Sans ce paramètre : toutes les communes.")] string? departement,
        BerceauDbContext db, PublicOfferCache cache, TimeProvider clock, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var code = errors.Departement("departement", departement);
        if (errors.Any)
            return errors.ToValidationProblem();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(await cache.GetOrLoadAsync(new CommunesKey(code, today), () => LoadAsync(db, code, today, ct)));
    }

    private sealed record CommunesKey(string? Departement, DateOnly Today);

    private static async Task<List<CommuneItem>> LoadAsync(BerceauDbContext db, string? code, DateOnly today, CancellationToken ct)
    {
        var communes = db.Communes.AsNoTracking();
        if (code is not null)
            communes = communes.Where(c => c.DepartementCode == code);

        var rows = await (
            from c in communes
            join i in db.Intercommunalities on c.EptCode equals i.Code into epts
            from ept in epts.DefaultIfEmpty()
            select new { c.Code, c.Name, c.DepartementCode, c.Population, c.PostalCodes, c.EptCode, EptName = ept != null ? ept.Name : null })
            .ToListAsync(ct);

        // Open facilities and their places, per commune, counted in the database (three grouped queries, no N+1).
        // Places follow the search's rule: sections when the facility has some, else the childminder agrément.
        var open = db.Facilities.AsNoTracking()
            .Where(f => f.ClosedOn == null || f.ClosedOn > today)
            .Where(f => communes.Select(c => c.Code).Contains(f.CommuneCode));
        var counts = await open.GroupBy(f => f.CommuneCode)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sectionPlaces = await open.Where(f => f.Mode != CareMode.Rpe && f.Mode != CareMode.Laep)
            .SelectMany(f => f.Sections, (f, s) => new { f.CommuneCode, s.Places })
            .GroupBy(x => x.CommuneCode)
            .Select(g => new { g.Key, Places = g.Sum(x => x.Places) })
            .ToDictionaryAsync(g => g.Key, g => g.Places, ct);
        var agrementPlaces = await open.Where(f => f.Mode != CareMode.Rpe && f.Mode != CareMode.Laep && !f.Sections.Any() && f.Agrement != null)
            .GroupBy(f => f.CommuneCode)
            .Select(g => new { g.Key, Places = g.Sum(f => f.Agrement!.Children) })
            .ToDictionaryAsync(g => g.Key, g => g.Places, ct);

        var items = rows
            .OrderBy(r => r.Name, FrenchOrder).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new CommuneItem(
                r.Code, r.Name, r.DepartementCode, r.Population,
                r.PostalCodes.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                r.EptCode is null ? null : new IntercommunalityRef(r.EptCode, r.EptName ?? r.EptCode),
                counts.GetValueOrDefault(r.Code),
                sectionPlaces.GetValueOrDefault(r.Code) + agrementPlaces.GetValueOrDefault(r.Code)))
            .ToList();
        return items;
    }
}
