using System.Text.Encodings.Web;
using System.Text.Unicode;
using Berceau.Data.Seed;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Berceau.Web.Features.OpenData;

/// <summary>
/// The public open-data API (/api/v1): communes, the offer of care with its vacancies, and the cost simulator.
/// No account, no personal data: childminders are published with the name they chose to show, never their home address.
/// Described by an OpenAPI document (/openapi/v1.json) and browsable at /api/docs.
/// </summary>
public static class OpenDataApi
{
    public const string DocumentName = "v1";
    public const string DocumentTitle = "Berceau — données ouvertes";

    public static IServiceCollection AddOpenDataFeature(this IServiceCollection services)
    {
        // Source-generated metadata first: the framework's reflection resolver stays behind it for everything else.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, OpenDataJsonContext.Default);
            // "Crèche", not "Cr\u00e8che": French text stays readable; characters unsafe in HTML are still escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            // Responses are always written as JSON numbers; the web defaults also *read* numbers from strings, which the
            // generator would otherwise advertise as "number or string" everywhere.
            o.AddSchemaTransformer((schema, _, _) =>
            {
                if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
                    && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
                {
                    schema.Type = type & ~JsonSchemaType.String;
                    schema.Pattern = null;
                }
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = DocumentTitle,
                    Version = DocumentName,
                    Description =
                        "Données publiques du service public de la petite enfance : communes, offre d’accueil (crèches, "
                        + "micro-crèches, assistants maternels, MAM, relais petite enfance, LAEP) avec les places disponibles "
                        + "déclarées, et simulateur du coût d’un mode d’accueil. Sans compte ni clé. Les erreurs suivent la "
                        + "RFC 9457 (application/problem+json) et nomment le paramètre en cause dans « errors ». "
                        + "Réutilisation libre sous Licence Ouverte 2.0 (Etalab).",
                    License = new OpenApiLicense
                    {
                        Name = "Licence Ouverte 2.0 (Etalab)",
                        Url = new Uri("https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
                    },
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapOpenDataApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").AllowAnonymous();

        api.MapGet("/communes", CommunesEndpoint.ListAsync)
            .WithName("ListerCommunes")
            .WithTags("Territoires")
            .WithSummary("Lister les communes")
            .WithDescription(
                "Communes triées par nom, avec leurs codes postaux, leur établissement public territorial (EPT), le nombre "
                + "de structures ouvertes (tous modes, y compris assistants maternels, RPE et LAEP) et leurs places "
                + "(places des sections, ou agrément des assistants maternels et MAM).");

        api.MapGet("/structures", StructuresEndpoints.SearchAsync)
            .WithName("RechercherStructures")
            .WithTags("Offre d’accueil")
            .WithSummary("Rechercher des modes d’accueil")
            .WithDescription(
                "La même recherche que le portail : structures ouvertes, filtrées par commune, mode, âge de l’enfant, "
                + "places disponibles (déclarations de moins de deux mois), type d’accueil, horaires atypiques et handicap. "
                + "Résultats paginés, avec les liens vers la page suivante et la précédente. Avec format=geojson : une "
                + "FeatureCollection de points (coordonnées [longitude, latitude]), jusqu’à 5000 par page pour une carte. "
                + "Les assistants maternels accueillent chez eux : leur adresse n’est pas publiée et leur position est "
                + "arrondie au centième de degré (environ 1 km).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                // The 200 answer has two shapes: JSON (from the typed result) and GeoJSON (format=geojson).
                var geoJson = await context.GetOrCreateSchemaAsync(typeof(GeoFeatureCollection), null, ct);
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is not null)
                    ok.Content["application/geo+json"] = new OpenApiMediaType { Schema = geoJson };
            });

        api.MapGet("/structures/{id}", StructuresEndpoints.DetailAsync)
            .WithName("ConsulterStructure")
            .WithTags("Offre d’accueil")
            .WithSummary("Consulter une structure")
            .WithDescription(
                "Fiche complète : sections avec leurs âges et leurs places, jours et horaires d’ouverture, types d’accueil, "
                + "langues parlées, agrément (assistants maternels et MAM), contact (sauf assistants maternels) et places "
                + "disponibles déclarées depuis moins de deux mois. Une structure inconnue répond 404 « Structure "
                + "introuvable » ; une structure fermée répond aussi 404, avec le titre « Structure fermée » et sa date de "
                + "fermeture (fermeeLe).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/simulateur", SimulatorEndpoint.SimulateAsync)
            .WithName("SimulerCout")
            .WithTags("Simulateur")
            .WithSummary("Estimer le coût d’un mode d’accueil")
            .WithDescription(
                "Coût mensuel pour la famille, côte à côte : crèche au barème national (PSU), assistant·e maternel·le et "
                + "garde à domicile avec le complément de libre choix du mode de garde (CMG). Montants en euros, arrondis au "
                + "centime une seule fois, à la fin. Donne chaque paramètre utilisé, depuis quand il s’applique et sa source. "
                + "Une estimation, pas une décision.");

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        // Scalar's page loads its script from the package (/api/docs/scalar.js), never from a CDN; the options below
        // also turn off what would call Scalar's servers (web fonts, telemetry, AI agent, MCP). Its one inline script carries a
        // fresh nonce that the Content Security Policy allows (Infrastructure/SecurityHeaders.cs).
        app.MapScalarApiReference("/api/docs", o => o
                .WithTitle(DocumentTitle + " — documentation de l’API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(DocumentName, DocumentTitle)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .WithNonce()
                .HideClientButton()
                .HideDeveloperTools()
                .ExpandAllTags()
                .WithLocalization(new ScalarLocalizationOptions { Locale = "fr" }))
            .AllowAnonymous();

        // Where the published figures come from (data/PROVENANCE.md, shipped with the binaries).
        app.MapGet("/api/provenance", () => TypedResults.PhysicalFile(
                Path.Combine(DataFiles.DefaultFolder, "PROVENANCE.md"), "text/markdown; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }
}
