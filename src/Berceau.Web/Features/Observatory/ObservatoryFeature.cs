using Microsoft.Extensions.DependencyInjection.Extensions;
using Berceau.Web.Features.Observatory.Import;
using Berceau.Web.Features.Observatory.Indicators;

namespace Berceau.Web.Features.Observatory;

/// <summary>
/// The observatory (issue 8): coverage rates as the Cnaf defines them, computed from our places and compared with the
/// published figures; import of the Cnaf and INSEE files (Import/, admin and observatoire roles).
/// </summary>
public static class ObservatoryFeature
{
    public static IServiceCollection AddObservatoryFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CoverageQueries>();
        // The reports are served from snapshots kept current by a leased job (docs/observatory.md, « Indicateurs pré-calculés »).
        services.Configure<IndicatorSnapshotOptions>(configuration.GetSection(IndicatorSnapshotOptions.Section));
        services.AddScoped<IndicatorSnapshots>();
        services.AddSingleton<IndicatorSnapshotJob>();
        services.AddSingleton<IndicatorSnapshotSignal>();
        if (configuration.GetValue($"{IndicatorSnapshotOptions.Section}:RunWorker", true))
            services.AddHostedService<IndicatorSnapshotWorker>();
        services.AddScoped<ImportOpenData>();
        services.AddScoped<TerritoryIndicators>();
        services.AddScoped<CommuneProfilePdf>();
        services.TryAddSingleton<Infrastructure.Pdf.PdfFonts>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ObservatoryJsonContext.Default));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, IndicatorsJsonContext.Default));
        return services;
    }

    public static WebApplication MapObservatoryApi(this WebApplication app)
    {
        // Anonymised statistics: public open data like the offer (DESIGN, API).
        var api = app.MapGroup("/api/v1/indicateurs").AllowAnonymous();
        api.MapGet("/couverture", CoverageEndpoint.GetAsync)
            .WithName("ConsulterTauxDeCouverture")
            .WithTags("Indicateurs")
            .WithSummary("Taux de couverture d’un territoire")
            .WithDescription(
                "Taux de couverture global de l’accueil du jeune enfant (places pour 100 enfants de moins de 3 ans, définition "
                + "de la Cnaf, arrondi au dixième) d’une commune, d’un établissement public territorial (ept) ou d’un "
                + "département, pour une année. « calcule » vient des places que nous connaissons : l’historique importé "
                + "de la Cnaf pour les années passées, le registre des structures ouvertes pour l’année en cours. « publie » "
                + "est le taux publié par la Cnaf pour ce territoire et cette année, sinon null (la Cnaf ne publie que les "
                + "communes de plus de 10 000 habitants). Un agrégat est la somme des places divisée par la somme des "
                + "enfants, jamais une moyenne de taux. « estimation » vaut true quand le nombre d’enfants n’est pas une "
                + "estimation INSEE importée (déduit du fichier Cnaf, d’une année antérieure ou des naissances) ou quand "
                + "des communes sans données sont laissées de côté. Erreurs : 400 pour un paramètre invalide, 404 pour un "
                + "territoire inconnu ou une année sans données.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("", IndicatorsEndpoint.GetAsync)
            .WithName("ConsulterIndicateurs")
            .WithTags("Indicateurs")
            .WithSummary("Tous les indicateurs de l’observatoire pour un territoire et une année")
            .WithDescription(
                "Indicateurs de demande (demandes en attente par âge et par commune, pression des premiers vœux, délais médian et "
                + "90e centile avant une place, part des demandes placées par commission, familles sans solution), d’offre (places "
                + "par mode, enfants de moins de 3 ans, naissances, places vacantes, disponibilités des assistants maternels, places "
                + "créées et fermées, taux d’occupation, postes vacants des crèches, places gelées faute de personnel et "
                + "professionnels nécessaires pour les rouvrir) et indicateurs communs des schémas départementaux (article D214-2 du CASF : "
                + "taux de couverture, places créées, accès des enfants en situation de handicap, des familles en situation de "
                + "pauvreté et en insertion, soutien à la parentalité). Chaque indicateur donne sa valeur, son unité, sa source, sa "
                + "définition et sa formule, et son état : « disponible », ou « non disponible » avec la raison dans « note ». Un "
                + "agrégat (EPT, département) est toujours la somme des numérateurs divisée par la somme des dénominateurs "
                + "(« numerateur », « denominateur »), jamais une moyenne de taux ; une médiane réunit les cas de toutes les "
                + "communes. « ventilations » détaille par commune, âge, structure, commission, mode ou métier. Les chiffres sont "
                + "pré-calculés : « calculeLe » dit quand, et « actualisationEnCours » vaut true quand des données ont changé depuis "
                + "et que le calcul est en cours (la réponse suivante les aura). Erreurs : 400 pour un "
                + "paramètre invalide, 404 pour un territoire inconnu.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
