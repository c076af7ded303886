using Berceau.Data;
using Berceau.Domain.Offer;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// « Relais petite enfance » section: the relais of the family's commune, a public service whose address, telephone and e-mail are
/// meant to be given out. It helps families find an assistant maternel and employ one (contract, CMG, Pajemploi).
/// </summary>
public sealed class RelaisSource(BerceauDbContext db) : ISolutionsSource
{
    public const int Order = 90;

    public async Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct)
    {
        var code = need.Application.CommuneCode;
        var relais = await db.Facilities.AsNoTracking()
            .Where(f => f.CommuneCode == code && f.Mode == CareMode.Rpe && (f.ClosedOn == null || f.ClosedOn > need.Today))
            .OrderBy(f => f.Name).ToListAsync(ct);
        if (relais.Count == 0) return null;
        var commune = await db.Communes.AsNoTracking().Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? code;
        var items = relais.Select(r => new SolutionItem(r.Name,
            string.Join(" – ", new[] { $"{r.Street}, {r.PostalCode} {commune}".Trim(' ', ','), r.Phone is { } p ? "Téléphone : " + p : null, r.Email is { } e ? "E-mail : " + e : null }
                .Where(s => !string.IsNullOrWhiteSpace(s))),
            $"/structures/{r.Id}")).ToList();
        return new SolutionsSection("Le relais petite enfance vous accompagne", Order, items,
            "Le relais vous aide gratuitement à trouver un assistant maternel, à préparer le contrat et à demander le complément de libre choix du mode de garde (CMG).");
    }
}
