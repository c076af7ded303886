using Berceau.Data;
using Berceau.Domain.Fees;
using Berceau.Web.Features.Offer.Staff;
using Berceau.Web.Features.Portal;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.FollowUp.Solutions;

/// <summary>
/// « What an assistant maternel would cost » section: the CMG estimate (RULES §3, <see cref="CmgEstimate"/>) with the family's
/// resources, children and hours, the default wage, <see cref="WeeksPerYear"/> weeks a year, and the parameters in force today.
/// When the resources or the hours are not known, it says so plainly and points to the simulator instead of guessing.
/// </summary>
public sealed class CmgSource(BerceauDbContext db) : ISolutionsSource
{
    public const int Order = 15;
    /// <summary>A year of care net of holidays, as families usually contract it with an assistant maternel.</summary>
    public const decimal WeeksPerYear = 45m;
    public const string Heading = "Ce que coûterait un assistant maternel";
    public const string UnknownResources = "Le guichet ne connaît pas vos ressources : nous ne pouvons pas estimer le complément de libre choix du mode de garde (CMG) "
        + "ni ce qui resterait à votre charge. Faites l’estimation vous-même sur le simulateur, ou demandez-la au relais petite enfance.";

    public async Task<SolutionsSection?> FindAsync(SolutionsNeed need, CancellationToken ct)
    {
        var a = need.Application;
        if (a.AnnualResources is not { } resources)
            return new SolutionsSection(Heading, Order, [new SolutionItem("Estimation impossible sans vos ressources", UnknownResources, "/simulateur")]);
        if (NeedFacts.HoursPerWeek(a) is not { } hours)
            return new SolutionsSection(Heading, Order, [new SolutionItem("Estimation impossible sans vos horaires",
                "Vos jours et horaires d’accueil ne sont pas connus du guichet : faites l’estimation sur le simulateur.", "/simulateur")]);
        var parameters = FeeParameterSet.Resolve(await db.FeeParameters.AsNoTracking().ToListAsync(ct), need.Today);
        if (!parameters.IsSuccess) return null;
        var estimate = CmgEstimate.ForAssistantMaternel(
            new CmgInput(resources, Math.Max(1, a.ChildrenInHousehold), a.DisabledMemberInHousehold, Math.Min(hours, 60m), WeeksPerYear), parameters.Value);
        if (!estimate.IsSuccess) return null;
        var r = estimate.Value;
        return new SolutionsSection(Heading, Order,
        [
            new SolutionItem($"Reste à votre charge : environ {PortalText.Euros(r.RemainingCost)} par mois",
                $"Salaire de l’assistant maternel : {PortalText.Euros(r.MonthlyCost)} par mois ; CMG versé par la CAF : {PortalText.Euros(r.Cmg)} par mois.", "/simulateur"),
        ],
            $"Estimation pour {hours.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} heures par semaine, {WeeksPerYear} semaines par an, "
            + $"au salaire horaire de {PortalText.Euros(r.HourlyWage)}, avec vos ressources déclarées ({PortalText.Euros(resources)} par an) "
            + $"et les paramètres en vigueur le {OfferDisplay.Date(need.Today)}. Ce n’est pas une décision de la CAF : les cotisations sociales "
            + "et leur prise en charge ne sont pas comptées.");
    }
}
