using System.ComponentModel;
using Berceau.Domain.Common;
using Berceau.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Observatory.Indicators;

/// <summary>GET /api/v1/indicateurs?territoire=93&amp;annee=2021: the whole <see cref="TerritoryIndicatorReport"/> as JSON, from its snapshot (<see cref="IndicatorSnapshots"/>).</summary>
internal static class IndicatorsEndpoint
{
    public static async Task<Results<Ok<IndicatorsResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        [FromQuery(Name = "territoire"), Description("Code INSEE d’une commune (93048), code SIREN d’un établissement public territorial (200057875) ou code d’un département (93).")] string? territoire,
        [FromQuery(Name = "annee"), Description("Année (de 2000 à l’année en cours). Sans ce paramètre : l’année en cours.")] string? annee,
        TerritoryIndicators indicators, IndicatorSnapshots snapshots, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var parsed = TerritoryIndicators.ParseTerritory(territoire);
        if (string.IsNullOrWhiteSpace(territoire))
            errors.Add(Problem.Of("obs-territoire-required", "territoire"));
        else if (parsed is null)
            errors.Add(Problem.Of("obs-territoire-code", "territoire"));
        var current = indicators.CurrentYear;
        var year = errors.Integer("annee", annee, 2000, 2100, current) ?? (string.IsNullOrWhiteSpace(annee) ? current : (int?)null);
        if (year > current)
        {
            errors.Add(Problem.Of("obs-year-future", "annee", year, current));
            year = null;
        }
        if (errors.Any || parsed is null || year is null)
            return errors.ToValidationProblem();

        var report = await snapshots.GetAsync(parsed.Value.Code, year.Value, ct);
        if (report is null)
            return TypedResults.Problem(Problem.Of("obs-unknown-territory", "", parsed.Value.Code).Message,
                statusCode: StatusCodes.Status404NotFound, title: "Territoire introuvable");
        return TypedResults.Ok(IndicatorsResponse.Of(report));
    }
}
