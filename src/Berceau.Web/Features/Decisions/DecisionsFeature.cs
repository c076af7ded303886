using Berceau.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Decisions;

/// <summary>
/// After a commission's validation (issue 6, docs/commission.md): publication of the decisions, offers of places with a
/// deadline, the family's answer under /famille/demandes/{id}/decision, decision letters (HTML and PDF), and the reattribution
/// of released seats (automatic job or an agent) under /pro/commissions/{id}/propositions; the API /api/v1/propositions
/// (<see cref="Api.OffersApi"/>).
/// </summary>
public static class DecisionsFeature
{
    public static IServiceCollection AddDecisionsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Decisions/Staff", WebServices.StaffPolicy);
            o.Conventions.AuthorizeFolder("/Decisions/Family", WebServices.FamilyPolicy);
        });
        services.Configure<OfferOptions>(configuration.GetSection("Offers"));
        services.AddSingleton<OfferJob>();
        if (configuration.GetValue("Offers:RunWorker", true))
            services.AddHostedService<OfferWorker>();
        return services
            .AddScoped<DecisionAccess>()
            .AddScoped<PublishDecisions>()
            .AddScoped<OfferQueries>()
            .AddScoped<OfferActions>()
            .AddScoped<DecisionLetters>()
            .AddScoped<Api.OfferApiQueries>()
            .AddScoped<DecisionLetterPdf>();
    }
}
