using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text;
using Berceau.Data;
using Berceau.Domain.Offer;
using Berceau.Web.Features.OpenData;
using Berceau.Web.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Berceau.Web.Features.Childminders.Api;

/// <summary>One line of the feed: a fresh declaration of free places of an assistant·e maternel·le or a MAM. Public data only.</summary>
public sealed record AvailabilityLine(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("nom")] string Name,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("commune")] string CommuneCode,
    [property: JsonPropertyName("nomCommune")] string CommuneName,
    [property: JsonPropertyName("codePostal")] string PostalCode,
    [property: JsonPropertyName("enfantsAgrement")] int AgrementChildren,
    [property: JsonPropertyName("places")] int Places,
    [property: JsonPropertyName("aPartirDu")] string From,
    [property: JsonPropertyName("ageMinMois")] int MinAgeMonths,
    [property: JsonPropertyName("ageMaxMois")] int MaxAgeMonths,
    [property: JsonPropertyName("jours")] IReadOnlyList<string> Days,
    [property: JsonPropertyName("horairesAtypiques")] bool AtypicalHours,
    [property: JsonPropertyName("accueilHandicap")] bool DisabilityInclusion,
    [property: JsonPropertyName("langues")] string? Languages,
    [property: JsonPropertyName("declareeLe")] DateTimeOffset DeclaredAt);

public sealed record AvailabilityFeedPage(
    [property: JsonPropertyName("genereeLe")] DateTimeOffset GeneratedAt,
    [property: JsonPropertyName("nombre")] int Count,
    [property: JsonPropertyName("disponibilites")] IReadOnlyList<AvailabilityLine> Lines);

/// <summary>Query of GET /api/v1/disponibilites-am, every value as text (French errors naming the parameter).</summary>
public sealed class AvailabilityFeedQuery
{
    [FromQuery(Name = "commune"), Description("Code INSEE de la commune (93070).")]
    public string? Commune { get; init; }

    [FromQuery(Name = "departement"), Description("Code du département (93, 2A, 974).")]
    public string? Departement { get; init; }

    [FromQuery(Name = "format"), Description("json (par défaut) ou csv (séparateur point-virgule, UTF-8).")]
    public string? Format { get; init; }
}

/// <summary>
/// The open feed of the childminders' availability (docs/childminders.md): every declaration younger than 2 months of an
/// open AM or MAM, in JSON or CSV. Only what families may see without an account: no address, no telephone, no e-mail,
/// no position; a stale declaration is not published at all.
/// </summary>
public static class AvailabilityFeed
{
    public const string Path = "/api/v1/disponibilites-am";

    public static readonly IReadOnlyDictionary<WeekDays, string> DayCodes = new Dictionary<WeekDays, string>
    {
        [WeekDays.Monday] = "lundi", [WeekDays.Tuesday] = "mardi", [WeekDays.Wednesday] = "mercredi", [WeekDays.Thursday] = "jeudi",
        [WeekDays.Friday] = "vendredi", [WeekDays.Saturday] = "samedi", [WeekDays.Sunday] = "dimanche",
    };

    public static void Map(WebApplication app) =>
        app.MapGet(Path, GetAsync)
            .AllowAnonymous()
            .WithName("ListerDisponibilitesAssistantsMaternels")
            .WithTags("Offre d’accueil")
            .WithSummary("Places disponibles des assistants maternels et des MAM")
            .WithDescription(
                "Les déclarations de places disponibles de moins de deux mois des assistants maternels et des MAM ouverts, "
                + "une ligne par déclaration (places libres tout de suite, ou en plus à partir d’une date). Sans adresse ni "
                + "coordonnées : les familles écrivent aux assistants maternels par le service. Format décrit dans docs/childminders.md.");

    public static async Task<Results<Ok<AvailabilityFeedPage>, FileContentHttpResult, ValidationProblem>> GetAsync(
        [AsParameters] AvailabilityFeedQuery query, BerceauDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var commune = query.Commune?.Trim();
        var departement = query.Departement?.Trim().ToUpperInvariant();
        if (commune is { Length: > 0 } && (commune.Length != 5 || !commune.All(char.IsLetterOrDigit)))
            errors.Add("commune", "am-feed-commune");
        if (departement is { Length: > 0 } && (departement.Length is < 2 or > 3 || !departement.All(char.IsLetterOrDigit)))
            errors.Add("departement", "invalid-departement");
        var format = string.IsNullOrWhiteSpace(query.Format) ? "json" : query.Format.Trim().ToLowerInvariant();
        if (format is not ("json" or "csv"))
            errors.Add("format", "unknown-choice", query.Format!, "json, csv");
        if (errors.Any) return errors.ToValidationProblem();

        var now = clock.GetUtcNow();
        var lines = await LinesAsync(db, now, string.IsNullOrEmpty(commune) ? null : commune, string.IsNullOrEmpty(departement) ? null : departement, ct);
        if (format == "csv")
            return TypedResults.File(Csv(lines), "text/csv; charset=utf-8", $"disponibilites-am-{now:yyyy-MM-dd}.csv");
        return TypedResults.Ok(new AvailabilityFeedPage(now, lines.Count, lines));
    }

    private static async Task<IReadOnlyList<AvailabilityLine>> LinesAsync(BerceauDbContext db, DateTimeOffset now, string? commune, string? departement, CancellationToken ct)
    {
        var freshSince = Vacancy.FreshSince(now);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var facilities = db.Facilities.AsNoTracking()
            .Where(f => (f.Mode == CareMode.AssistantMaternel || f.Mode == CareMode.Mam) && (f.ClosedOn == null || f.ClosedOn > today));
        if (commune is not null) facilities = facilities.Where(f => f.CommuneCode == commune);
        if (departement is not null) facilities = facilities.Where(f => f.CommuneCode.StartsWith(departement));
        var rows = await (from f in facilities
                          from v in f.Vacancies
                          join c in db.Communes on f.CommuneCode equals c.Code
                          where v.Places > 0 && v.DeclaredAt >= freshSince
                          orderby f.CommuneCode, f.Name, v.From
                          select new
                          {
                              f.Id, f.Name, f.Mode, f.CommuneCode, CommuneName = c.Name, f.PostalCode,
                              Children = f.Agrement == null ? 0 : f.Agrement.Children,
                              v.Places, v.From, v.MinAgeMonths, v.MaxAgeMonths, v.Days, f.OpeningDays,
                              f.AtypicalHours, f.DisabilityInclusion, f.Languages, v.DeclaredAt,
                          }).ToListAsync(ct);
        return [.. rows.Select(r => new AvailabilityLine(r.Id.Value, r.Name, r.Mode.Code(), r.CommuneCode, r.CommuneName, r.PostalCode,
            r.Children, r.Places, r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.MinAgeMonths, r.MaxAgeMonths,
            Days(r.Days == WeekDays.None ? r.OpeningDays : r.Days), r.AtypicalHours, r.DisabilityInclusion, r.Languages, r.DeclaredAt))];
    }

    public static IReadOnlyList<string> Days(WeekDays days) => [.. DayCodes.Where(d => days.HasFlag(d.Key)).Select(d => d.Value)];

    /// <summary>The same fields as the JSON, one line per declaration; days joined by « | », booleans as true/false.</summary>
    private static byte[] Csv(IReadOnlyList<AvailabilityLine> lines)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (var header in Headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var l in lines)
            {
                csv.WriteField(l.Id.ToString());
                csv.WriteField(SpreadsheetText.Safe(l.Name));
                csv.WriteField(l.Mode);
                csv.WriteField(l.CommuneCode);
                csv.WriteField(SpreadsheetText.Safe(l.CommuneName));
                csv.WriteField(l.PostalCode);
                csv.WriteField(l.AgrementChildren);
                csv.WriteField(l.Places);
                csv.WriteField(l.From);
                csv.WriteField(l.MinAgeMonths);
                csv.WriteField(l.MaxAgeMonths);
                csv.WriteField(string.Join('|', l.Days));
                csv.WriteField(l.AtypicalHours ? "true" : "false");
                csv.WriteField(l.DisabilityInclusion ? "true" : "false");
                csv.WriteField(SpreadsheetText.Safe(l.Languages));
                csv.WriteField(l.DeclaredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static IReadOnlyList<string> Headers { get; } =
    [
        "id", "nom", "mode", "commune", "nomCommune", "codePostal", "enfantsAgrement", "places", "aPartirDu", "ageMinMois", "ageMaxMois",
        "jours", "horairesAtypiques", "accueilHandicap", "langues", "declareeLe",
    ];
}
