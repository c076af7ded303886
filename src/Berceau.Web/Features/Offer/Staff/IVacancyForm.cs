using Berceau.Domain.Offer;

namespace Berceau.Web.Features.Offer.Staff;

/// <summary>What the childminder's declaration fields (_AgrementVacancyFields) need, from the staff page or the childminder's own.</summary>
public interface IVacancyForm
{
    VacancyInput Input { get; }
    Facility Facility { get; }
    IReadOnlyList<Vacancy> Current(Guid? sectionId);
    string Describe(Vacancy vacancy);
}
