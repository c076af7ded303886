using System.Globalization;
using Berceau.Domain.Applications;
using Berceau.Domain.Offer;

namespace Berceau.Web.Features.Applications;

/// <summary>The grid's answers of an application as the family, the guichet and the PDF summary write them.</summary>
public static class GridAnswersDisplay
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Every crèche the application names: its wishes and the grid's answers (for one lookup of their names).</summary>
    public static IEnumerable<FacilityId> FacilityIds(Application a) =>
        a.Wishes.Where(w => w.FacilityId is not null).Select(w => w.FacilityId!.Value)
            .Concat(a.SiblingFacilities).Concat(a.PartnerEmployerFacilities).Distinct();

    public static string Quotient(decimal? qf) => qf is { } value ? value.ToString("#,0.##", French) + " € par mois" : "Non indiqué";

    public static string Structures(IEnumerable<FacilityId> ids, IReadOnlyDictionary<FacilityId, string> names) =>
        string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, "Crèche qui n’existe plus"))) is { Length: > 0 } list ? list : "Aucune";
}
