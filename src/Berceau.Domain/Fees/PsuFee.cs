using Berceau.Domain.Common;

namespace Berceau.Domain.Fees;

/// <summary>Which PSU barème applies.</summary>
public enum PsuCareMode
{
    /// <summary>Accueil collectif, including micro-crèches funded by the PSU.</summary>
    Collective,

    /// <summary>Accueil familial (crèche familiale) and parental (crèche parentale).</summary>
    FamilyOrParental,
}

/// <summary>A household and a monthly contract (mensualisation) for which to compute the PSU participation.</summary>
public sealed record PsuFeeInput(
    decimal AnnualResources,
    int ChildrenInHousehold,
    bool DisabledChildInHousehold,
    PsuCareMode Mode,
    decimal HoursPerWeek,
    decimal WeeksPerYear);

/// <summary>
/// The family's PSU participation. <see cref="HourlyRate"/>, <see cref="MonthlyCost"/> and <see cref="MonthlyResourcesUsed"/>
/// are rounded to the cent; <see cref="EffortRate"/> is the taux d'effort as a fraction (0.000619 for 0.0619 %).
/// </summary>
public sealed record PsuFeeResult(
    decimal HourlyRate,
    decimal MonthlyCost,
    decimal MonthlyResourcesUsed,
    decimal EffortRate,
    int Band,
    IReadOnlyList<FeeParameter> ParametersUsed);

/// <summary>Barème national des participations familiales (circulaire Cnaf 2019-005).</summary>
public static class PsuFee
{
    /// <summary>
    /// hourly = clamp(annual ÷ 12, plancher, plafond) × taux(band, mode); monthly = hourly × hours/week × weeks/year ÷ 12.
    /// Nothing is rounded before the end: the monthly cost uses the exact hourly fee, not the rounded one.
    /// </summary>
    public static Outcome<PsuFeeResult> Compute(PsuFeeInput input, PsuParameters parameters)
    {
        Problem[] problems =
        [
            .. FeeInputRules.Household(input.AnnualResources, input.ChildrenInHousehold),
            .. FeeInputRules.Attendance(input.HoursPerWeek, input.WeeksPerYear),
        ];
        if (problems.Length > 0)
            return Outcome<PsuFeeResult>.Failure(problems);

        var resources = MonthlyResources(input.AnnualResources, parameters);
        var rates = parameters.Rates(input.Mode);
        var band = Math.Min(Band(input.ChildrenInHousehold, input.DisabledChildInHousehold), rates.Count);
        var rate = rates[band - 1];
        var hourly = resources * rate.Value;
        var monthly = hourly * input.HoursPerWeek * input.WeeksPerYear / 12m;

        return new PsuFeeResult(
            Money.Round(hourly),
            Money.Round(monthly),
            Money.Round(resources),
            rate.Value,
            band,
            [parameters.Floor, parameters.Ceiling, rate]);
    }

    /// <summary>Monthly resources taken into account: annual resources (year N-2) ÷ 12, within [plancher, plafond]. Not rounded.</summary>
    public static decimal MonthlyResources(decimal annualResources, PsuParameters parameters) =>
        Math.Clamp(annualResources / 12m, parameters.Floor.Value, parameters.Ceiling.Value);

    /// <summary>
    /// The barème band: the number of children in the household, plus one when a child of the household receives the AEEH.
    /// A band past the last one of the barème uses the last one (see <see cref="PsuParameters.Rate"/>).
    /// <see cref="PsuFeeResult.Band"/> reports the band actually applied.
    /// </summary>
    public static int Band(int childrenInHousehold, bool disabledChildInHousehold) =>
        childrenInHousehold + (disabledChildInHousehold ? 1 : 0);
}
