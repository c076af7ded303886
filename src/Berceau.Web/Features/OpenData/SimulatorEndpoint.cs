using System.ComponentModel;
using System.Globalization;
using Berceau.Data;
using Berceau.Domain.Fees;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.OpenData;

/// <summary>Query of GET /api/v1/simulateur. Names are the domain's field names (<see cref="FeeFields"/>).</summary>
public sealed class SimulationQuery
{
    [FromQuery(Name = FeeFields.AnnualResources), Description("Obligatoire. Ressources annuelles du foyer (année N-2), en euros, par exemple 36000.")]
    public string? RessourcesAnnuelles { get; init; }

    [FromQuery(Name = FeeFields.Children), Description("Nombre d’enfants à charge dans le foyer, de 1 à 15 (par défaut 1).")]
    public string? Enfants { get; init; }

    [FromQuery(Name = "handicap"), Description("true si un enfant du foyer bénéficie de l’AEEH : le taux de la tranche suivante s’applique (par défaut false).")]
    public string? Handicap { get; init; }

    [FromQuery(Name = FeeFields.HoursPerWeek), Description("Heures d’accueil par semaine, de 1 à 60 (par défaut 40).")]
    public string? HeuresParSemaine { get; init; }

    [FromQuery(Name = FeeFields.WeeksPerYear), Description("Semaines d’accueil par an, absences prévues déduites, de 1 à 52 (par défaut 45).")]
    public string? SemainesParAn { get; init; }

    [FromQuery(Name = FeeFields.AmHourlyWage), Description("Salaire horaire brut de l’assistant·e maternel·le, en euros (par défaut : hypothèse publiée dans « parametres »).")]
    public string? SalaireHoraireAm { get; init; }

    [FromQuery(Name = FeeFields.GardeDomicileHourlyWage), Description("Salaire horaire de la garde à domicile, en euros (par défaut : hypothèse publiée dans « parametres »).")]
    public string? SalaireHoraireGardeDomicile { get; init; }

    [FromQuery(Name = "date"), Description("Date des paramètres (AAAA-MM-JJ) : barèmes en vigueur ce jour-là (par défaut aujourd’hui).")]
    public string? Date { get; init; }
}

internal static class SimulatorEndpoint
{
    public const int DefaultChildren = 1;
    public const decimal DefaultHoursPerWeek = 40m;
    public const decimal DefaultWeeksPerYear = 45m;

    public static async Task<Results<Ok<SimulationResponse>, ValidationProblem>> SimulateAsync(
        [AsParameters] SimulationQuery query, BerceauDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var resources = errors.Decimal(FeeFields.AnnualResources, query.RessourcesAnnuelles);
        if (resources is null && string.IsNullOrWhiteSpace(query.RessourcesAnnuelles))
            errors.Add(FeeFields.AnnualResources, "required");
        var children = errors.Integer(FeeFields.Children, query.Enfants, int.MinValue, int.MaxValue, example: 2) ?? DefaultChildren;
        var disability = errors.Boolean("handicap", query.Handicap) ?? false;
        var hours = errors.Decimal(FeeFields.HoursPerWeek, query.HeuresParSemaine) ?? DefaultHoursPerWeek;
        var weeks = errors.Decimal(FeeFields.WeeksPerYear, query.SemainesParAn) ?? DefaultWeeksPerYear;
        var amWage = errors.Decimal(FeeFields.AmHourlyWage, query.SalaireHoraireAm);
        var homeWage = errors.Decimal(FeeFields.GardeDomicileHourlyWage, query.SalaireHoraireGardeDomicile);
        var date = errors.Date("date", query.Date) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (errors.Any)
            return errors.ToValidationProblem();

        // A few dozen rows: resolving in memory keeps the validity rules in the domain, where they are tested.
        var all = await db.FeeParameters.AsNoTracking().ToListAsync(ct);
        var parameters = FeeParameterSet.Resolve(all, date);
        if (!parameters.IsSuccess)
        {
            // The caller cannot fix a missing barème, only choose another date: the problems are reported on "date".
            foreach (var problem in parameters.Problems)
                errors.Add("date", problem.Message);
            return errors.ToValidationProblem();
        }

        var simulation = CostSimulator.Simulate(
            new SimulationInput(resources!.Value, children, disability, hours, weeks, amWage, homeWage), parameters.Value);
        if (!simulation.IsSuccess)
        {
            foreach (var problem in simulation.Problems)
                errors.Add(problem);
            return errors.ToValidationProblem();
        }

        var r = simulation.Value;
        return TypedResults.Ok(new SimulationResponse(
            new PsuEstimate(r.Psu.HourlyRate, r.Psu.MonthlyCost, r.Psu.MonthlyCost, r.Psu.MonthlyResourcesUsed, Plain(r.Psu.EffortRate)),
            ToItem(r.AssistantMaternel),
            ToItem(r.GardeDomicile),
            [.. r.ParametersUsed.Select(p => new ParameterItem(p.Key, Plain(p.Value), p.ValidFrom, p.ValidTo, p.Source))],
            r.ParametersDate,
            "Estimation indicative, qui ne vaut pas décision : le montant exact est fixé par la structure ou la Caf. "
            + "Les cotisations sociales et les autres aides (crédit d’impôt…) ne sont pas comptées. "
            + $"Barèmes en vigueur le {r.ParametersDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."));
    }

    private static CmgEstimateItem ToItem(CmgResult r) =>
        new(r.MonthlyCost, r.Cmg, r.RemainingCost, Plain(r.HourlyWage), Plain(r.CountedHourlyWage), Plain(r.EffortRate));

    /// <summary>
    /// The same value without trailing zeros: PostgreSQL returns numeric(18,6) values as 8.090000, SQLite as 8.09, and the
    /// JSON must not depend on the database. The value itself is unchanged (no rounding).
    /// </summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;
}
