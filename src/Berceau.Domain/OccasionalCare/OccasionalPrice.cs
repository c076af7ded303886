using Berceau.Domain.Common;
using Berceau.Domain.Fees;

namespace Berceau.Domain.OccasionalCare;

/// <summary>What a half-day costs a family: its PSU hourly fee, the hours booked, their product.</summary>
public sealed record OccasionalQuote(decimal HourlyFee, decimal Hours, decimal Price, decimal MonthlyResourcesUsed, decimal EffortRate, int Band);

/// <summary>
/// Occasional care is billed per hour booked at the family's PSU hourly fee (RULES §2, circulaire Cnaf 2019-005):
/// hourly fee = clamp(annual resources ÷ 12, plancher, plafond) × taux d'effort of the household's band, rounded to the cent
/// as it is shown to the family; price = that hourly fee × hours, rounded to the cent. The family can check it by hand.
/// </summary>
public static class OccasionalPrice
{
    public static Outcome<OccasionalQuote> Compute(decimal annualResources, int childrenInHousehold, bool disabledChildInHousehold,
        PsuCareMode mode, decimal hours, PsuParameters parameters)
    {
        var problems = FeeInputRules.Household(annualResources, childrenInHousehold).ToList();
        if (hours is <= 0m or > 12m)
            problems.Add(Problem.Of("out-of-range", "heures", 0, 12));
        if (problems.Count > 0)
            return Outcome<OccasionalQuote>.Failure(problems);

        var resources = PsuFee.MonthlyResources(annualResources, parameters);
        var band = Math.Min(PsuFee.Band(childrenInHousehold, disabledChildInHousehold), parameters.Rates(mode).Count);
        var rate = parameters.Rate(mode, band).Value;
        var hourly = Money.Round(resources * rate);
        return new OccasionalQuote(hourly, hours, Money.Round(hourly * hours), Money.Round(resources), rate, band);
    }

    /// <summary>Hours between two times of the same day, as a decimal (8:30 to 12:00 = 3.5).</summary>
    public static decimal Hours(TimeOnly start, TimeOnly end) => (decimal)(end - start).TotalMinutes / 60m;
}
