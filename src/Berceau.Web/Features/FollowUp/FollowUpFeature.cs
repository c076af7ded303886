using Berceau.Domain.Access;
using Berceau.Web.Features.FollowUp.Solutions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.FollowUp;

/// <summary>
/// « Zéro sans solution »: follow-up cases of families left without a place, opened by a commission's validation or by an agent;
/// the guichet's worklist (/pro/suivi), the case page with its log, the « solutions » letter assembled from every
/// <see cref="ISolutionsSource"/>, and the indicator (/pro/suivi/indicateurs).
/// </summary>
public static class FollowUpFeature
{
    public const string WorklistPath = "/pro/suivi";
    public const string IndicatorsPath = "/pro/suivi/indicateurs";
    /// <summary>Figures without names: the guichet, and the observatory and steering roles of the territory.</summary>
    public const string IndicatorsPolicy = "suivi-indicateurs";

    public static string CasePath(Guid id) => $"{WorklistPath}/{id}";
    public static string LetterPath(Guid id) => $"{WorklistPath}/{id}/courrier";
    public static string SentLetterPath(Guid id, Guid letter) => $"{WorklistPath}/{id}/courriers/{letter}";
    public static string OpenPath(Guid application) => $"{WorklistPath}/ouvrir?demande={application}";

    public static IServiceCollection AddFollowUpFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(IndicatorsPolicy, p => p.RequireRole(Roles.Agent, Roles.Admin, Roles.Observatory, Roles.Steering));
        services.Configure<RazorPagesOptions>(o =>
        {
            // The cases name families: the guichet's (agents and admins), as the applications' back office; territory in the handlers.
            o.Conventions.AuthorizeFolder("/FollowUp/Staff", Applications.ApplicationsFeature.CaseworkPolicy);
            o.Conventions.AuthorizeFolder("/FollowUp/Indicators", IndicatorsPolicy);
        });
        services.AddScoped<FollowUpCases>();
        services.AddScoped<FollowUpAccess>();
        services.AddScoped<FollowUpActions>();
        services.AddScoped<FollowUpWorklist>();
        services.AddScoped<FollowUpIndicators>();
        services.AddScoped<SolutionsLetters>();
        services.AddScoped<SolutionsLetterPdf>();
        // The sections this feature owns; occasional care and info meetings register theirs in their own features.
        services.AddScoped<ISolutionsSource, ChildmindersSource>();
        services.AddScoped<ISolutionsSource, CmgSource>();
        services.AddScoped<ISolutionsSource, MamSource>();
        services.AddScoped<ISolutionsSource, RelaisSource>();
        return services;
    }
}
