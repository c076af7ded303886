using Berceau.Domain.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Berceau.Web.Features.Surveys;

/// <summary>
/// Satisfaction surveys for families and partners (issue 9, docs/surveys.md): written and opened by a commune's agents or the
/// département's CDSF secretariat, sent by e-mail with a personal signed link (the families of a published commission in one
/// action, the members of partner organisations, or a pasted list), answered once and anonymously, read as tables and charts.
/// </summary>
public static class SurveysFeature
{
    public const string StaffPath = "/pro/enquetes";
    public const string AnswerPath = "/enquete/repondre";
    /// <summary>The staff who may run a territory's surveys; the pages then check the survey's commune or département.</summary>
    public const string Policy = "enquetes-satisfaction";
    public const string InvitationKind = "enquete-invitation";

    public static string SurveyPath(Guid id) => $"{StaffPath}/{id}";
    public static string InvitePath(Guid id) => $"{StaffPath}/{id}/invitations";
    public static string ResultsPath(Guid id) => $"{StaffPath}/{id}/resultats";

    public static IServiceCollection AddSurveysFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Roles.Agent, Roles.Admin, Roles.Steering));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Surveys/Staff", Policy));
        services.AddScoped<SurveyAccess>();
        services.AddScoped<SurveyTokens>();
        services.AddScoped<SurveyEditing>();
        services.AddScoped<SurveyInvitations>();
        services.AddScoped<SurveyAnswering>();
        return services;
    }
}

/// <summary>
/// The audit lines of the surveys: every staff change, each invitation round and each export of the results. Reading the results
/// page is not audited: it shows no personal data (anonymous answers, nothing under five responses).
/// </summary>
public static class SurveyAudit
{
    public const string EntityType = "questionnaire de satisfaction";
    public const string Created = "questionnaire créé";
    public const string Edited = "questionnaire modifié";
    public const string QuestionsChanged = "questions du questionnaire modifiées";
    public const string Opened = "questionnaire ouvert";
    public const string Closed = "questionnaire clos";
    public const string Invited = "invitations au questionnaire envoyées";
    public const string ResultsExported = "résultats du questionnaire exportés";
}
