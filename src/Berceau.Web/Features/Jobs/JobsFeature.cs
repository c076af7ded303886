namespace Berceau.Web.Features.Jobs;

/// <summary>
/// The public job board of early-childhood positions (issue 10, docs/staffing.md): gestionnaires post offers (a director for
/// their crèche, an agent for a commune of their territory), candidates browse and filter them at /emplois, re-users read the
/// open-data feed /api/v1/offres-emploi. An offer leaves the board the day after its expiry date, by the date alone.
/// </summary>
public static class JobsFeature
{
    public const string PublicPath = "/emplois";
    public const string StaffPath = "/pro/emplois";
    public const string ApiPath = "/api/v1/offres-emploi";

    public static IServiceCollection AddJobsFeature(this IServiceCollection services)
    {
        services.AddScoped<JobQueries>();
        services.AddScoped<JobForms>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, JobsJsonContext.Default));
        return services;
    }

    public static WebApplication MapJobsApi(this WebApplication app)
    {
        app.MapGet(ApiPath, JobsApi.ListAsync).AllowAnonymous()
            .WithName("ListerOffresEmploi")
            .WithTags("Offres d’emploi")
            .WithSummary("Offres d’emploi de la petite enfance en cours")
            .WithDescription(
                "Offres d’emploi publiées par les gestionnaires de crèches et les communes du territoire et encore en ligne "
                + "aujourd’hui (non closes, date de fin de publication non dépassée), les plus récentes d’abord, 100 par page. "
                + "Filtres facultatifs : « metier » (EJE, AUXILIAIRE_PUERICULTURE, CAP_AEPE, INFIRMIER, PSYCHOMOTRICIEN, "
                + "DIRECTION, AGENT_TECHNIQUE, ASSISTANT_MATERNEL), « commune » (code INSEE), « contrat » (CDI, CDD, TITULAIRE, "
                + "CONTRACTUEL, APPRENTISSAGE, STAGE, VACATION, INTERIM). « debut » est null pour une prise de poste dès que "
                + "possible. Erreurs : 400 pour un paramètre invalide, qui est nommé dans « errors ».")
            .ProducesValidationProblem();
        return app;
    }
}
