using Berceau.Data;
using Berceau.Domain.OccasionalCare;
using Berceau.Web.Features.FollowUp.Solutions;
using Berceau.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OccasionalCare;

/// <summary>
/// The « Accueil occasionnel » section of the solutions letter: the next open slots of the family's commune whose section takes
/// the child at its age on that day, a few per crèche, with how to register.
/// </summary>
public sealed class OccasionalCareSolutions(BerceauDbContext db) : ISolutionsSource
{
    public const string Heading = "Accueil occasionnel";
    public const int Order = 30;
    public const int MaxItems = 5;

    public async Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct)
    {
        var application = need.Application;
        if (application.ChildBirthDate is not { } birth) return null;
        var today = need.Today;
        var slots = await db.OccasionalSlots.AsNoTracking()
            .Where(s => s.CommuneCode == application.CommuneCode && s.Day > today && s.WithdrawnAt == null && s.Booked < s.Places)
            .OrderBy(s => s.Day).ThenBy(s => s.StartsAt).Take(200).ToListAsync(ct);
        var suitable = slots.Where(s => s.Suits(HalfDays.AgeInMonths(birth, s.Day))).Take(MaxItems).ToList();
        if (suitable.Count == 0) return null;
        var ids = suitable.Select(s => s.FacilityId).Distinct().ToList();
        var names = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return new SolutionsSection(Heading, Order,
            [.. suitable.Select(s => new SolutionItem(names.GetValueOrDefault(s.FacilityId, ""),
                $"{OccasionalDisplay.Slot(s)}, {OccasionalDisplay.Places(s.FreePlaces)}", OccasionalCareFeature.FamilyPath))],
            "En attendant une place, votre enfant peut être accueilli quelques demi-journées sur les places libres des crèches. "
            + "Inscrivez-le pour l’accueil occasionnel depuis votre espace : une fois le dossier vérifié, vous réservez en ligne, au tarif horaire de la PSU.");
    }
}
