using Berceau.Domain.Common;

namespace Berceau.Domain.Fees;

/// <summary>A household and the care it needs from an employee (AM or garde à domicile). No wage: the simulator's default.</summary>
public sealed record CmgInput(
    decimal AnnualResources,
    int ChildrenInHousehold,
    bool DisabledChildInHousehold,
    decimal HoursPerWeek,
    decimal WeeksPerYear,
    decimal? HourlyWage = null);

/// <summary>
/// Monthly figures for one mode, rounded to the cent, with <c>MonthlyCost = Cmg + RemainingCost</c> exactly.
/// <see cref="HourlyWage"/> is the wage paid (given or default); <see cref="CountedHourlyWage"/> the wage the CMG takes into
/// account (capped for an AM). <see cref="EffortRate"/> is the taux d'effort applied, after the garde à domicile multiplier.
/// </summary>
public sealed record CmgResult(
    decimal MonthlyCost,
    decimal Cmg,
    decimal RemainingCost,
    decimal HourlyWage,
    decimal CountedHourlyWage,
    decimal EffortRate,
    IReadOnlyList<FeeParameter> ParametersUsed);

/// <summary>
/// Complément de libre choix du mode de garde, formula of the September 2025 reform (RULES §3, to be checked):
/// CMG = counted cost × max(0, 1 − monthly resources × taux d'effort ÷ reference hourly cost), and never more than
/// (1 − minimum family share) of that cost. Resources are clamped to the PSU plancher and plafond; the taux d'effort is the
/// collective PSU barème (AEEH: next band), multiplied for garde à domicile. This is an estimate: social contributions
/// and their own aid are left out.
/// </summary>
public static class CmgEstimate
{
    public static Outcome<CmgResult> ForAssistantMaternel(CmgInput input, FeeParameterSet parameters)
    {
        var cmg = parameters.Cmg;
        var problems = Validate(input, FeeFields.AmHourlyWage);
        if (problems.Length > 0)
            return Outcome<CmgResult>.Failure(problems);

        var wage = input.HourlyWage ?? cmg.AmDefaultHourlyWage.Value;
        var counted = Math.Min(wage, cmg.AmHourlyWageCap.Value);
        List<FeeParameter> used = [cmg.AmHourlyWageCap, cmg.AmReferenceHourlyCost, cmg.MinimumFamilyShare];
        if (input.HourlyWage is null)
            used.Add(cmg.AmDefaultHourlyWage);
        return Estimate(input, parameters, wage, counted, cmg.AmReferenceHourlyCost.Value, rateMultiplier: 1m, used);
    }

    public static Outcome<CmgResult> ForGardeDomicile(CmgInput input, FeeParameterSet parameters)
    {
        var cmg = parameters.Cmg;
        var problems = Validate(input, FeeFields.GardeDomicileHourlyWage);
        if (problems.Length > 0)
            return Outcome<CmgResult>.Failure(problems);

        var wage = input.HourlyWage ?? cmg.GardeDomicileDefaultHourlyWage.Value;
        List<FeeParameter> used = [cmg.GardeDomicileReferenceHourlyCost, cmg.GardeDomicileRateMultiplier, cmg.MinimumFamilyShare];
        if (input.HourlyWage is null)
            used.Add(cmg.GardeDomicileDefaultHourlyWage);
        return Estimate(
            input, parameters, wage, counted: wage, cmg.GardeDomicileReferenceHourlyCost.Value,
            rateMultiplier: cmg.GardeDomicileRateMultiplier.Value, used);
    }

    private static Problem[] Validate(CmgInput input, string wageField) =>
    [
        .. FeeInputRules.Household(input.AnnualResources, input.ChildrenInHousehold),
        .. FeeInputRules.Attendance(input.HoursPerWeek, input.WeeksPerYear),
        .. FeeInputRules.HourlyWage(input.HourlyWage, wageField),
    ];

    private static CmgResult Estimate(
        CmgInput input, FeeParameterSet parameters, decimal wage, decimal counted, decimal referenceHourlyCost,
        decimal rateMultiplier, List<FeeParameter> used)
    {
        var psu = parameters.Psu;
        var resources = PsuFee.MonthlyResources(input.AnnualResources, psu);
        var rate = psu.Rate(PsuCareMode.Collective, PsuFee.Band(input.ChildrenInHousehold, input.DisabledChildInHousehold));
        var effortRate = rate.Value * rateMultiplier;
        var minimumShare = parameters.Cmg.MinimumFamilyShare.Value;

        var hoursPerMonth = input.HoursPerWeek * input.WeeksPerYear / 12m;
        var cost = hoursPerMonth * wage;
        var coverage = Math.Min(Math.Max(0m, 1m - resources * effortRate / referenceHourlyCost), 1m - minimumShare);
        var aid = hoursPerMonth * counted * coverage;

        // Rounded once, at the end; the minimum share is then re-applied to the rounded figures
        // so that what the family reads never shows less than its minimum share.
        var monthlyCost = Money.Round(cost);
        var cmg = Math.Max(0m, Math.Min(Money.Round(aid), monthlyCost - Money.RoundUp(monthlyCost * minimumShare)));

        return new CmgResult(
            monthlyCost, cmg, monthlyCost - cmg, wage, counted, effortRate,
            [psu.Floor, psu.Ceiling, rate, .. used]);
    }
}
