using Berceau.Web.Features.Offer.Staff;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Berceau.Web.Features.Offer;

/// <summary>The days of the week as checkboxes (values are <see cref="Domain.Offer.WeekDays"/> names, labels in French).</summary>
public static class DayChoices
{
    public static IReadOnlyList<SelectListItem> Items { get; } =
        [.. FacilityForm.DayLabels.Select(d => new SelectListItem(d.Label, d.Day.ToString()))];
}
