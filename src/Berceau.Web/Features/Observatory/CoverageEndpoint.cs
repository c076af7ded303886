using System.ComponentModel;
using System.Text.RegularExpressions;
using Berceau.Domain.Common;
using Berceau.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Observatory;

internal static partial class CoverageEndpoint
{
    public static async Task<Results<Ok<CoverageResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        [FromQuery(Name = "commune"), Description("Code INSEE de la commune, par exemple 93048 ; un ancien code (93059) donne les années publiées avant la fusion.")] string? commune,
        [FromQuery(Name = "ept"), Description("Code SIREN de l’établissement public territorial, par exemple 200057875 (Est Ensemble).")] string? ept,
        [FromQuery(Name = "departement"), Description("Code du département, par exemple 93.")] string? departement,
        [FromQuery(Name = "annee"), Description("Année de référence (places en décembre). Sans ce paramètre : l’année en cours, calculée depuis le registre.")] string? annee,
        CoverageQueries queries, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var given = new[] { ("commune", commune), ("ept", ept), ("departement", departement) }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).ToList();
        (TerritoryKind Kind, string Code)? territory = null;
        if (given.Count == 0)
            errors.Add(Problem.Of("obs-territory-required", "commune"));
        else if (given.Count > 1)
            foreach (var (name, _) in given)
                errors.Add(Problem.Of("obs-territory-several", name));
        else
        {
            var (name, value) = given[0];
            var code = value!.Trim().ToUpperInvariant();
            switch (name)
            {
                case "commune" when CommuneCode().IsMatch(code): territory = (TerritoryKind.Commune, code); break;
                case "commune": errors.Add(Problem.Of("obs-commune-code", name)); break;
                case "ept" when EptCode().IsMatch(code): territory = (TerritoryKind.Ept, code); break;
                case "ept": errors.Add(Problem.Of("obs-ept-code", name)); break;
                default:
                    if (errors.Departement(name, code) is { } d) territory = (TerritoryKind.Departement, d);
                    break;
            }
        }
        var current = queries.CurrentYear;
        var year = errors.Integer("annee", annee, 2000, 2100, current) ?? (string.IsNullOrWhiteSpace(annee) ? current : (int?)null);
        if (year > current)
        {
            errors.Add(Problem.Of("obs-year-future", "annee", year, current));
            year = null;
        }
        if (errors.Any || territory is null || year is null)
            return errors.ToValidationProblem();

        var (result, miss) = await queries.ForAsync(territory.Value.Kind, territory.Value.Code, year.Value, ct);
        if (result is null)
        {
            var detail = miss!.UnknownTerritory
                ? Problem.Of("obs-unknown-territory", "", territory.Value.Code).Message
                : Problem.Of("obs-no-data", "", territory.Value.Code, year.Value, miss.YearsAvailable.Count == 0 ? "aucune" : string.Join(", ", miss.YearsAvailable)).Message;
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound,
                title: miss.UnknownTerritory ? "Territoire introuvable" : "Pas de données pour cette année");
        }

        var p = result.Places;
        return TypedResults.Ok(new CoverageResponse(
            new TerritoryItem(Kind(result.Territory.Kind), result.Territory.Code, result.Territory.Name),
            result.Year, result.Computed.Global, result.Published,
            new PlacesItem(p.EajePsu, p.EajeNonPsu, p.Childminders, p.HomeCare, p.Preschool, p.Total),
            result.Children, result.Estimate));
    }

    private static string Kind(TerritoryKind kind) => kind switch
    {
        TerritoryKind.Commune => "commune",
        TerritoryKind.Ept => "ept",
        _ => "departement",
    };

    [GeneratedRegex("^(?:[0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex CommuneCode();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex EptCode();
}
