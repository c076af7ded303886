using Berceau.Domain.Common;

namespace Berceau.Domain.Fees;

/// <summary>What a family enters in the cost simulator. Wages are optional: the simulator's default wages are used.</summary>
public sealed record SimulationInput(
    decimal AnnualResources,
    int ChildrenInHousehold,
    bool DisabledChildInHousehold,
    decimal HoursPerWeek,
    decimal WeeksPerYear,
    decimal? AmHourlyWage = null,
    decimal? HomeCareHourlyWage = null);

/// <summary>
/// Monthly remaining cost for the family, side by side: crèche PSU (collective barème), assistant(e) maternel(le) and
/// garde à domicile with the CMG; plus every parameter used, with its ValidFrom and Source. An estimate, not a decision.
/// </summary>
public sealed record SimulationResult(
    DateOnly ParametersDate,
    PsuFeeResult Psu,
    CmgResult AssistantMaternel,
    CmgResult GardeDomicile,
    IReadOnlyList<FeeParameter> ParametersUsed);

public static class CostSimulator
{
    public static Outcome<SimulationResult> Simulate(SimulationInput input, FeeParameterSet parameters)
    {
        Problem[] problems =
        [
            .. FeeInputRules.Household(input.AnnualResources, input.ChildrenInHousehold),
            .. FeeInputRules.Attendance(input.HoursPerWeek, input.WeeksPerYear),
            .. FeeInputRules.HourlyWage(input.AmHourlyWage, FeeFields.AmHourlyWage),
            .. FeeInputRules.HourlyWage(input.HomeCareHourlyWage, FeeFields.GardeDomicileHourlyWage),
        ];
        if (problems.Length > 0)
            return Outcome<SimulationResult>.Failure(problems);

        var psu = PsuFee.Compute(
            new PsuFeeInput(
                input.AnnualResources, input.ChildrenInHousehold, input.DisabledChildInHousehold,
                PsuCareMode.Collective, input.HoursPerWeek, input.WeeksPerYear),
            parameters.Psu);
        var am = CmgEstimate.ForAssistantMaternel(Household(input, input.AmHourlyWage), parameters);
        var gad = CmgEstimate.ForGardeDomicile(Household(input, input.HomeCareHourlyWage), parameters);

        // The inputs were validated above, so the three computations succeed.
        return new SimulationResult(
            parameters.Date,
            psu.Value,
            am.Value,
            gad.Value,
            [.. psu.Value.ParametersUsed.Concat(am.Value.ParametersUsed).Concat(gad.Value.ParametersUsed).Distinct()]);
    }

    private static CmgInput Household(SimulationInput input, decimal? hourlyWage) => new(
        input.AnnualResources, input.ChildrenInHousehold, input.DisabledChildInHousehold,
        input.HoursPerWeek, input.WeeksPerYear, hourlyWage);
}
