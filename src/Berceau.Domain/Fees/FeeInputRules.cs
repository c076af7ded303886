using System.Globalization;
using Berceau.Domain.Common;

namespace Berceau.Domain.Fees;

/// <summary>Names of the input fields, as the API and the forms spell them.</summary>
public static class FeeFields
{
    public const string AnnualResources = "ressourcesAnnuelles";
    public const string Children = "enfants";
    public const string HoursPerWeek = "heuresParSemaine";
    public const string WeeksPerYear = "semainesParAn";
    public const string AmHourlyWage = "salaireHoraireAm";
    public const string GardeDomicileHourlyWage = "salaireHoraireGardeDomicile";
}

/// <summary>Accepted ranges of the fee inputs; each violation is an "out-of-range" problem naming its field.</summary>
public static class FeeInputRules
{
    public const decimal MaxAnnualResources = 10_000_000m;
    public const int MaxChildren = 15;
    public const decimal MinHoursPerWeek = 1m;
    public const decimal MaxHoursPerWeek = 60m;
    public const decimal MinWeeksPerYear = 1m;
    public const decimal MaxWeeksPerYear = 52m;
    public const decimal MinHourlyWage = 1m;
    public const decimal MaxHourlyWage = 100m;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IEnumerable<Problem> Household(decimal annualResources, int children)
    {
        if (annualResources is < 0m or > MaxAnnualResources)
            yield return OutOfRange(FeeFields.AnnualResources, 0m, MaxAnnualResources);
        if (children is < 1 or > MaxChildren)
            yield return OutOfRange(FeeFields.Children, 1m, MaxChildren);
    }

    public static IEnumerable<Problem> Attendance(decimal hoursPerWeek, decimal weeksPerYear)
    {
        if (hoursPerWeek is < MinHoursPerWeek or > MaxHoursPerWeek)
            yield return OutOfRange(FeeFields.HoursPerWeek, MinHoursPerWeek, MaxHoursPerWeek);
        if (weeksPerYear is < MinWeeksPerYear or > MaxWeeksPerYear)
            yield return OutOfRange(FeeFields.WeeksPerYear, MinWeeksPerYear, MaxWeeksPerYear);
    }

    /// <summary>A wage is optional (the simulator then uses its default); when given it must be plausible.</summary>
    public static IEnumerable<Problem> HourlyWage(decimal? hourlyWage, string field)
    {
        if (hourlyWage is { } wage && wage is < MinHourlyWage or > MaxHourlyWage)
            yield return OutOfRange(field, MinHourlyWage, MaxHourlyWage);
    }

    private static Problem OutOfRange(string field, decimal min, decimal max) =>
        Problem.Of("out-of-range", field, min.ToString("#,0.##", French), max.ToString("#,0.##", French));
}
