using System.ComponentModel;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Berceau.Domain.Staffing;
using Berceau.Web.Features.OpenData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Berceau.Web.Features.Jobs;

/// <summary>One offer of the open-data feed. Codes are those of <see cref="Professions"/> and <see cref="ContractTypes"/>.</summary>
public sealed record JobItem(
    [property: JsonPropertyName("id"), Description("Identifiant stable de l’offre.")] Guid Id,
    [property: JsonPropertyName("titre"), Description("Intitulé du poste.")] string Title,
    [property: JsonPropertyName("employeur"), Description("Employeur, tel qu’il se présente.")] string Employer,
    [property: JsonPropertyName("metier"), Description("Code du métier, par exemple EJE ou AUXILIAIRE_PUERICULTURE.")] string Profession,
    [property: JsonPropertyName("metierLibelle"), Description("Libellé du métier.")] string ProfessionLabel,
    [property: JsonPropertyName("contrat"), Description("Code du type de contrat, par exemple CDI.")] string Contract,
    [property: JsonPropertyName("contratLibelle"), Description("Libellé du type de contrat.")] string ContractLabel,
    [property: JsonPropertyName("tempsPlein"), Description("true pour un temps plein, false pour un temps partiel.")] bool FullTime,
    [property: JsonPropertyName("commune"), Description("Code INSEE de la commune du poste.")] string Commune,
    [property: JsonPropertyName("communeNom"), Description("Nom de la commune du poste.")] string CommuneName,
    [property: JsonPropertyName("structure"), Description("Identifiant de la structure qui recrute (voir /api/v1/structures/{id}), ou null.")] Guid? Facility,
    [property: JsonPropertyName("debut"), Description("Date de prise de poste (AAAA-MM-JJ), null pour « dès que possible ».")] DateOnly? StartDate,
    [property: JsonPropertyName("finPublication"), Description("Dernier jour de publication (AAAA-MM-JJ) : l’offre disparaît le lendemain.")] DateOnly ExpiresOn,
    [property: JsonPropertyName("publieeLe"), Description("Date de publication (AAAA-MM-JJ).")] DateOnly PostedOn,
    [property: JsonPropertyName("description"), Description("Description du poste et du profil recherché.")] string Description,
    [property: JsonPropertyName("candidater"), Description("Comment candidater : adresse e-mail, lien ou téléphone, tel que saisi par l’employeur.")] string HowToApply,
    [property: JsonPropertyName("url"), Description("Adresse de l’offre sur le site.")] string Url);

public sealed record JobFeed(
    [property: JsonPropertyName("total"), Description("Nombre total d’offres correspondant aux filtres.")] int Total,
    [property: JsonPropertyName("page"), Description("Numéro de la page (à partir de 1).")] int Page,
    [property: JsonPropertyName("parPage"), Description("Nombre d’offres par page.")] int PageSize,
    [property: JsonPropertyName("offres")] IReadOnlyList<JobItem> Items);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JobFeed))]
internal sealed partial class JobsJsonContext : JsonSerializerContext;

internal static partial class JobsApi
{
    public static async Task<Results<Ok<JobFeed>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "metier"), Description("Code du métier, par exemple EJE.")] string? metier,
        [FromQuery(Name = "commune"), Description("Code INSEE de la commune, par exemple 93051.")] string? commune,
        [FromQuery(Name = "contrat"), Description("Code du type de contrat, par exemple CDI.")] string? contrat,
        [FromQuery(Name = "page"), Description("Numéro de la page, à partir de 1.")] string? page,
        JobQueries queries, HttpRequest request, CancellationToken ct)
    {
        var errors = new QueryErrors();
        Profession? profession = null;
        if (!string.IsNullOrWhiteSpace(metier))
        {
            if (Professions.TryParse(metier.Trim(), out var p)) profession = p;
            else errors.Add("metier", "job-filter-profession", string.Join(", ", Professions.All.Select(x => x.Code())));
        }
        ContractType? contract = null;
        if (!string.IsNullOrWhiteSpace(contrat))
        {
            if (ContractTypes.TryParse(contrat.Trim(), out var c)) contract = c;
            else errors.Add("contrat", "job-filter-contract", string.Join(", ", ContractTypes.All.Select(x => x.Code())));
        }
        var code = commune?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && !CommuneCode().IsMatch(code)) errors.Add("commune", "job-filter-commune");
        var number = errors.Integer("page", page, 1, int.MaxValue) ?? 1;
        if (errors.Any) return errors.ToValidationProblem();

        var result = await queries.VisibleAsync(new JobFilter(profession, string.IsNullOrEmpty(code) ? null : code, contract), number, ct);
        var names = await queries.CommuneNamesAsync(result.Items.Select(j => j.CommuneCode), ct);
        var site = $"{request.Scheme}://{request.Host}";
        return TypedResults.Ok(new JobFeed(result.Total, result.Page, result.PageSize, [.. result.Items.Select(j => new JobItem(
            j.Id, j.Title, j.Employer, j.Profession.Code(), j.Profession.Label(), j.Contract.Code(), j.Contract.Label(), j.FullTime,
            j.CommuneCode, names.GetValueOrDefault(j.CommuneCode, j.CommuneCode), j.FacilityId?.Value, j.StartDate, j.ExpiresOn,
            DateOnly.FromDateTime(j.PostedAt.UtcDateTime), j.Description, j.HowToApply, $"{site}{JobsFeature.PublicPath}/{j.Id}"))]));
    }

    [GeneratedRegex("^(?:[0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex CommuneCode();
}
