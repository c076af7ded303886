using System.ComponentModel;
using Berceau.Data;
using Berceau.Domain.Common;
using Berceau.Domain.Offer;
using Berceau.Web.Features.Portal;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Berceau.Web.Features.OpenData;

/// <summary>Query of GET /api/v1/structures. Every value is text, parsed and checked by the handler (French messages).</summary>
public sealed class FacilityQuery
{
    [FromQuery(Name = "commune"), Description("Code INSEE (93048), code postal (93100) ou nom de commune (Montreuil). Une commune inconnue donne une erreur 404.")]
    public string? Commune { get; init; }

    [FromQuery(Name = "departement"), Description("Code du département (93, 2A, 974). Sans « commune », limite la recherche au département.")]
    public string? Departement { get; init; }

    [FromQuery(Name = "mode"), Description("Un ou plusieurs modes d’accueil séparés par des virgules : EAJE_COLLECTIF, MICRO_CRECHE, CRECHE_FAMILIALE, CRECHE_PARENTALE, CRECHE_ENTREPRISE, AM, MAM, GARDE_DOMICILE, RPE, LAEP.")]
    public string? Mode { get; init; }

    [FromQuery(Name = "age"), Description("Âge de l’enfant en mois (0 à 72) : garde les structures qui accueillent cet âge.")]
    public string? Age { get; init; }

    [FromQuery(Name = "placesDisponibles"), Description("true : seulement les structures qui ont déclaré des places libres il y a moins de deux mois.")]
    public string? PlacesDisponibles { get; init; }

    [FromQuery(Name = "accueil"), Description("Types d’accueil exigés, séparés par des virgules : regulier, occasionnel, urgence.")]
    public string? Accueil { get; init; }

    [FromQuery(Name = "horairesAtypiques"), Description("true : seulement l’accueil en horaires atypiques (tôt le matin, tard le soir).")]
    public string? HorairesAtypiques { get; init; }

    [FromQuery(Name = "handicap"), Description("true : seulement les structures qui déclarent accueillir des enfants en situation de handicap.")]
    public string? Handicap { get; init; }

    [FromQuery(Name = "debut"), Description("Date de début souhaitée (AAAA-MM-JJ) : avec « placesDisponibles », compte les places libres à cette date (par défaut aujourd’hui).")]
    public string? Debut { get; init; }

    [FromQuery(Name = "page"), Description("Numéro de page, à partir de 1 (par défaut 1).")]
    public string? Page { get; init; }

    [FromQuery(Name = "parPage"), Description("Résultats par page : 1 à 100 en JSON, 1 à 5000 en GeoJSON (par défaut 20).")]
    public string? ParPage { get; init; }

    [FromQuery(Name = "format"), Description("json (par défaut) ou geojson (FeatureCollection de points, coordonnées [longitude, latitude]).")]
    public string? Format { get; init; }
}

internal static class StructuresEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxAgeMonths = 72;
    private const string GeoJsonContentType = "application/geo+json";

    public static async Task<Results<Ok<FacilityPage>, JsonHttpResult<GeoFeatureCollection>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        [AsParameters] FacilityQuery query, FacilitySearch search, IOptions<JsonOptions> json, HttpContext http, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var geoJson = false;
        switch (query.Format?.Trim().ToLowerInvariant())
        {
            case null or "" or "json": break;
            case "geojson": geoJson = true; break;
            default: errors.Add("format", "unknown-choice", query.Format, "json, geojson"); break;
        }
        var maxPageSize = geoJson ? FacilitySearch.MaxMapPageSize : FacilitySearch.MaxPageSize;
        var page = errors.Integer("page", query.Page, 1, int.MaxValue, example: 2) ?? 1;
        var pageSize = errors.Integer("parPage", query.ParPage, 1, maxPageSize, example: DefaultPageSize) ?? DefaultPageSize;
        var age = errors.Integer("age", query.Age, 0, MaxAgeMonths, example: 18);
        var departement = errors.Departement("departement", query.Departement);
        var modes = ParseModes(query.Mode, errors);
        var reception = ParseReception(query.Accueil, errors);
        var vacanciesOnly = errors.Boolean("placesDisponibles", query.PlacesDisponibles) ?? false;
        var atypical = errors.Boolean("horairesAtypiques", query.HorairesAtypiques) ?? false;
        var disability = errors.Boolean("handicap", query.Handicap) ?? false;
        var start = errors.Date("debut", query.Debut);
        if (errors.Any)
            return errors.ToValidationProblem();

        var where = string.IsNullOrWhiteSpace(query.Commune) ? null : query.Commune.Trim();
        var result = await search.SearchAsync(new FacilitySearchCriteria
        {
            Where = where,
            Departement = departement,
            Modes = modes,
            Reception = reception,
            VacanciesOnly = vacanciesOnly,
            AtypicalHours = atypical,
            DisabilityInclusion = disability,
            ChildAgeMonths = age,
            StartDate = start,
            Page = page,
            PageSize = pageSize,
        }, maxPageSize, ct);

        if (where is not null && result.MatchedCommunes.Count == 0)
            return UnknownCommune(where);

        var pages = result.PageCount;
        var links = new PageLinks(
            page < pages ? PageLink(http.Request, page + 1) : null,
            page > 1 ? PageLink(http.Request, Math.Min(page - 1, pages)) : null);
        var items = result.Items.Select(ToItem).ToList();

        if (geoJson)
        {
            var features = items.Select(i => new GeoFeature("Feature", i.Id, new GeoPoint("Point", [i.Longitude, i.Latitude]), i)).ToList();
            return TypedResults.Json(
                new GeoFeatureCollection("FeatureCollection", features, result.Total, page, pageSize, pages, links),
                json.Value.SerializerOptions,
                GeoJsonContentType);
        }
        return TypedResults.Ok(new FacilityPage(
            result.Total, page, pageSize, pages,
            [.. result.MatchedCommunes.Select(c => new CommuneRef(c.Code, c.Name))],
            items, links));
    }

    public static async Task<Results<Ok<FacilityDetail>, ProblemHttpResult>> DetailAsync(
        [Description("Identifiant de la structure (UUID), tel que donné par la liste des structures.")] string id,
        BerceauDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
            return NotFound();
        var facilityId = new FacilityId(guid);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Same freshness rule as the search, so a detail never disagrees with the list it was opened from.
        var freshSince = Vacancy.FreshSince(now);

        var f = await db.Facilities.AsNoTracking()
            .Where(f => f.Id == facilityId)
            .Select(f => new
            {
                f.Id, f.Name, f.Mode, f.ManagerType, f.ManagerName, f.CommuneCode,
                CommuneName = db.Communes.Where(c => c.Code == f.CommuneCode).Select(c => c.Name).FirstOrDefault(),
                SectorName = db.Sectors.Where(s => s.Id == f.SectorId).Select(s => s.Name).FirstOrDefault(),
                f.Street, f.PostalCode, f.Latitude, f.Longitude, f.IsPsu, f.OpeningDays, f.OpensAt, f.ClosesAt,
                f.ReceptionTypes, f.AtypicalHours, f.DisabilityInclusion, f.IsAvip, f.Languages, f.Phone, f.Website, f.Description,
                HasAgrement = f.Agrement != null,
                AgrementChildren = f.Agrement != null ? f.Agrement.Children : 0,
                AgrementMin = f.Agrement != null ? f.Agrement.MinAgeMonths : 0,
                AgrementMax = f.Agrement != null ? f.Agrement.MaxAgeMonths : 0,
                AgrementUntil = f.Agrement != null ? f.Agrement.ValidUntil : null,
                f.IsDemo, f.ClosedOn,
                Sections = f.Sections.OrderBy(s => s.MinAgeMonths).ThenBy(s => s.Name)
                    .Select(s => new { s.Id, s.Name, s.MinAgeMonths, s.MaxAgeMonths, s.Places }).ToList(),
                Vacancies = f.Vacancies.Where(v => v.Places > 0 && v.DeclaredAt >= freshSince)
                    .OrderBy(v => v.From)
                    .Select(v => new { v.SectionId, v.Places, v.From, v.MinAgeMonths, v.MaxAgeMonths, v.DeclaredAt }).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);

        if (f is null)
            return NotFound();
        if (f.ClosedOn is { } closedOn && closedOn <= today)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Structure fermée",
                Detail = Problem.Of("facility-closed", "id", closedOn).Message,
                Extensions = { ["fermeeLe"] = closedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            });

        var sectionNames = f.Sections.ToDictionary(s => s.Id, s => s.Name);
        var currentBySection = f.Vacancies.Where(v => v.From <= today && v.SectionId != null)
            .GroupBy(v => v.SectionId!.Value).ToDictionary(g => g.Key, g => g.Sum(v => v.Places));
        var sections = f.Sections
            .Select(s => new SectionItem(s.Id, s.Name, s.MinAgeMonths, s.MaxAgeMonths, s.Places, currentBySection.GetValueOrDefault(s.Id)))
            .ToList();
        var vacancies = f.Vacancies
            .Select(v => new VacancyItem(
                v.SectionId, v.SectionId is { } sid ? sectionNames.GetValueOrDefault(sid) : null,
                v.Places, v.From, v.MinAgeMonths, v.MaxAgeMonths, DateOnly.FromDateTime(v.DeclaredAt.UtcDateTime)))
            .ToList();
        var places = f.Mode.IsService() ? 0 : sections.Count > 0 ? sections.Sum(s => s.Places) : f.AgrementChildren;
        var isHome = OfferLabels.IsPrivateHome(f.Mode);

        return TypedResults.Ok(new FacilityDetail(
            f.Id.Value, f.Name, f.Mode.Code(), f.Mode.Label(),
            OfferLabels.ManagerCode(f.ManagerType), f.ManagerType.Label(),
            isHome ? null : f.ManagerName,
            new CommuneRef(f.CommuneCode, f.CommuneName ?? f.CommuneCode),
            isHome ? null : f.Street, f.PostalCode,
            isHome ? OfferLabels.Blur(f.Latitude) : f.Latitude,
            isHome ? OfferLabels.Blur(f.Longitude) : f.Longitude,
            f.IsPsu, places,
            f.Vacancies.Where(v => v.From <= today).Sum(v => v.Places),
            f.AtypicalHours, f.DisabilityInclusion, f.IsAvip,
            OfferLabels.ReceptionCodes(f.ReceptionTypes),
            OfferLabels.DayCodes(f.OpeningDays),
            f.OpensAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            f.ClosesAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(f.Languages) ? [] : [.. f.Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            f.Description,
            isHome ? null : new ContactItem(f.Phone, f.Website),
            f.HasAgrement ? new AgrementItem(f.AgrementChildren, f.AgrementMin, f.AgrementMax, f.AgrementUntil) : null,
            sections, vacancies, f.IsDemo, f.SectorName));
    }

    internal static FacilityItem ToItem(FacilitySummary s)
    {
        var isHome = OfferLabels.IsPrivateHome(s.Mode);
        return new FacilityItem(
            s.Id, s.Name, s.Mode.Code(), s.Mode.Label(),
            OfferLabels.ManagerCode(s.ManagerType), s.ManagerType.Label(),
            new CommuneRef(s.CommuneCode, s.CommuneName),
            isHome ? null : s.Street, s.PostalCode,
            isHome ? OfferLabels.Blur(s.Latitude) : s.Latitude,
            isHome ? OfferLabels.Blur(s.Longitude) : s.Longitude,
            s.IsPsu, s.Mode.IsService() ? 0 : s.Capacity, s.FreePlaces, s.AtypicalHours, s.DisabilityInclusion,
            OfferLabels.ReceptionCodes(s.ReceptionTypes), s.IsDemo,
            "/api/v1/structures/" + s.Id.ToString());
    }

    private static List<CareMode> ParseModes(string? text, QueryErrors errors)
    {
        var modes = new List<CareMode>();
        if (string.IsNullOrWhiteSpace(text)) return modes;
        foreach (var code in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (CareModes.TryParse(code, out var mode))
            {
                if (!modes.Contains(mode)) modes.Add(mode);
            }
            else
            {
                errors.Add("mode", "unknown-choice", code, string.Join(", ", CareModes.All.Select(m => m.Code())));
            }
        }
        return modes;
    }

    private static ReceptionTypes ParseReception(string? text, QueryErrors errors)
    {
        var wanted = ReceptionTypes.None;
        if (string.IsNullOrWhiteSpace(text)) return wanted;
        foreach (var code in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (OfferLabels.TryParseReception(code, out var type))
                wanted |= type;
            else
                errors.Add("accueil", "unknown-choice", code, string.Join(", ", OfferLabels.Receptions.Select(r => r.Code)));
        }
        return wanted;
    }

    /// <summary>The same request with another page: absolute path, the caller's other parameters kept in their order.</summary>
    private static string PageLink(HttpRequest request, int page)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        var replaced = false;
        foreach (var (key, values) in request.Query)
        {
            if (string.Equals(key, "page", StringComparison.OrdinalIgnoreCase))
            {
                if (!replaced) parameters.Add(new(key, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                replaced = true;
                continue;
            }
            foreach (var value in values)
                parameters.Add(new(key, value ?? ""));
        }
        if (!replaced)
            parameters.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + new QueryBuilder(parameters).ToQueryString();
    }

    private static ProblemHttpResult UnknownCommune(string where)
    {
        var message = Problem.Of("unknown-commune", "commune", where).Message;
        return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["commune"] = [message] })
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Commune inconnue",
            Detail = message,
        });
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Structure introuvable",
        Detail = Messages.Get("not-found"),
    });
}
